using Interoffice.Web.Features.Contact;
using Interoffice.Web.Infrastructure.Email;

namespace Interoffice.Web.Areas.Beheer.Features.Inbox;

/// <summary>One line of the inbox: the submission, the state of its staff mail as the outbox has it, and whether it is too late.</summary>
public sealed record InboxRow(ContactSubmission Submission, MailState Mail, bool Overdue);
