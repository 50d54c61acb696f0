using Interoffice.Web.Features.Contact;
using Interoffice.Web.Features.Newsletter;
using Interoffice.Web.Infrastructure.Email;

namespace Interoffice.Web.Areas.Beheer.Features.People;

/// <summary>What the person tool found for one address: its submissions, the staff mails about them, and its newsletter subscription.</summary>
public sealed record PersonModel(string? Email, IReadOnlyList<ContactSubmission> Submissions, IReadOnlyList<OutboxMessage> Mails, SubscriberRecord? Newsletter = null)
{
    public static PersonModel None { get; } = new(null, [], []);

    /// <summary>Whether anything at all is stored about the address.</summary>
    public bool HoldsAnything => Submissions.Count > 0 || Newsletter?.HoldsAnything == true;

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
