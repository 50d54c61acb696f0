using Interoffice.Web.Features.Contact;
using Interoffice.Web.Infrastructure.Email;

namespace Interoffice.Web.Areas.Beheer.Features.People;

/// <summary>What the person tool found for one address: its submissions and the staff mails about them.</summary>
public sealed record PersonModel(string? Email, IReadOnlyList<ContactSubmission> Submissions, IReadOnlyList<OutboxMessage> Mails)
{
    /// <summary>
    /// The notifications that went to a staff mailbox: the site cannot erase them there, so staff must.
    /// (Mail still waiting and files in the pickup folder are erased with the submissions.)
    /// </summary>
    public IReadOnlyList<(string To, string Reference)> Mailed() =>
    [
        .. Mails.Where(m => m.State == MailState.Sent)
            .Select(m => (m.To, Submissions.FirstOrDefault(s => s.Id == m.CorrelationId)?.Reference ?? m.Subject)),
    ];
}
