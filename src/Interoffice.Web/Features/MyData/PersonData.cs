using Interoffice.Web.Features.Contact;
using Interoffice.Web.Features.Newsletter;
using Interoffice.Web.Infrastructure.Email;

namespace Interoffice.Web.Features.MyData;

/// <summary>
/// Everything stored about one address: its submissions (privacy requests among them), the staff mails about them,
/// its newsletter subscription and what the person did on "Mijn gegevens". Staff and the person see the same.
/// </summary>
public sealed record PersonData(
    string? Email,
    IReadOnlyList<ContactSubmission> Submissions,
    IReadOnlyList<OutboxMessage> Mails,
    SubscriberRecord? Newsletter = null,
    IReadOnlyList<SelfServiceActivity>? Activity = null)
{
    public static PersonData None { get; } = new(null, [], []);

    /// <summary>Whether anything at all is stored about the address.</summary>
    public bool HoldsAnything => Submissions.Count > 0 || Newsletter?.HoldsAnything == true;

    /// <summary>The privacy requests among the submissions, newest first.</summary>
    public IEnumerable<ContactSubmission> Requests => Submissions.Where(s => s.DueAt is not null).OrderByDescending(s => s.ReceivedAt);

    /// <summary>Submissions an erasure keeps, because they are kept for the accounts.</summary>
    public IReadOnlyList<ContactSubmission> Held(DateTime now) => [.. Submissions.Where(s => s.IsHeld(now))];

    /// <summary>
    /// The notifications that went to a staff mailbox: the site cannot erase them there, so staff must.
    /// (Mail still waiting and files in the pickup folder are erased with the submissions.)
    /// </summary>
    public IReadOnlyList<(string To, string Reference)> Mailed(DateTime now) =>
    [
        .. Mails.Where(m => m.State == MailState.Sent && Submissions.Any(s => s.Id == m.CorrelationId && !s.IsHeld(now)))
            .Select(m => (m.To, Submissions.First(s => s.Id == m.CorrelationId).Reference)),
    ];

    /// <summary>References and "nieuwsbrief", never the address: what an audit entry names, since it outlives an erasure.</summary>
    public string References() =>
        (Submissions.Count == 0 ? "geen berichten" : string.Join(", ", Submissions.Select(s => s.Reference)))
        + (Newsletter?.HoldsAnything == true ? ", nieuwsbrief" : "");
}
