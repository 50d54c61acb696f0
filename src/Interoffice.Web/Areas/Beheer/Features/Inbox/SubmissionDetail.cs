using Interoffice.Web.Features.Contact;
using Interoffice.Web.Infrastructure.Email;

namespace Interoffice.Web.Areas.Beheer.Features.Inbox;

/// <summary>One submission with its latest staff mail (null when there is none), for its page and its delete confirmation.</summary>
public sealed record SubmissionDetail(ContactSubmission Submission, bool Overdue, OutboxMessage? Notification)
{
    /// <summary>The mail's state as the outbox has it.</summary>
    public MailState Mail => MailStates.Of(Notification);

    /// <summary>A reason for an extension that came back with an error, to be shown again.</summary>
    public string? Reason { get; init; }
}
