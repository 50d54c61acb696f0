using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Features.Newsletter;

/// <summary>
/// Sends a newsletter: a copy for every confirmed subscriber, queued in the outbox's newsletter lane together with the
/// record of the issue, in one save. Sending the same issue twice sends it once.
/// </summary>
public sealed class NewsletterSending(SiteDbContext db, Outbox outbox, NewsletterKeys keys, TimeProvider time)
{
    public Task<int> ConfirmedCountAsync(CancellationToken cancellationToken) =>
        db.Set<Subscriber>().CountAsync(s => s.ConfirmedAt != null, cancellationToken);

    /// <summary>One copy to a staff member's own address, at once and outside the lane; its unsubscribe link names nobody.</summary>
    public async Task SendTestAsync(string to, string subject, string markdown, string baseUrl, CancellationToken cancellationToken)
    {
        var issue = NewsletterMails.Compose("[Proef] " + subject, markdown, baseUrl);
        var unsubscribe = NewsletterMails.UnsubscribeUrl(baseUrl, await keys.UnsubscribeTokenAsync(Guid.NewGuid(), cancellationToken));
        outbox.Queue(NewsletterMails.For(issue, to, null, unsubscribe, lane: null));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Queues the issue for every confirmed subscriber; null when this issue was sent already.</summary>
    public async Task<int?> SendAsync(NewsletterDraft draft, string sentBy, string baseUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (await db.Set<NewsletterIssue>().AnyAsync(i => i.Id == draft.Id, cancellationToken))
        {
            return null;
        }

        var issue = NewsletterMails.Compose(draft.Subject, draft.Body, baseUrl);
        var recipients = await db.Set<Subscriber>().AsNoTracking().Where(s => s.ConfirmedAt != null).OrderBy(s => s.ConfirmedAt)
            .Select(s => new { s.Id, s.Email }).ToListAsync(cancellationToken);
        foreach (var recipient in recipients)
        {
            var unsubscribe = NewsletterMails.UnsubscribeUrl(baseUrl, await keys.UnsubscribeTokenAsync(recipient.Id, cancellationToken));
            outbox.Queue(NewsletterMails.For(issue, recipient.Email, recipient.Id, unsubscribe));
        }

        db.Add(new NewsletterIssue
        {
            Id = draft.Id,
            Subject = draft.Subject,
            Body = draft.Body,
            NewsItemId = draft.NewsItemId,
            StatementVersion = draft.StatementVersion,
            SentAt = time.GetUtcNow().UtcDateTime,
            SentBy = sentBy,
            Recipients = recipients.Count,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same issue, sent at the same moment from a second tab: that one went.
            db.ChangeTracker.Clear();
            return null;
        }

        return recipients.Count;
    }
}
