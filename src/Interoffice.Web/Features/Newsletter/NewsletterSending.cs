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

    /// <summary>
    /// Queues the issue for every confirmed subscriber, in one transaction with its record and with what
    /// <paramref name="record"/> writes (the audit entry, given the count); null when this issue was sent already.
    /// </summary>
    public async Task<int?> SendAsync(NewsletterDraft draft, string sentBy, string baseUrl, Func<int, CancellationToken, Task> record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(record);
        if (await db.Set<NewsletterIssue>().AnyAsync(i => i.Id == draft.Id, cancellationToken))
        {
            return null;
        }

        var issue = NewsletterMails.Compose(draft.Subject, draft.Body, baseUrl);
        await keys.LoadAsync(cancellationToken);
        int count;
        try
        {
            // On SQLite the transaction takes the write lock first: no unsubscription falls between reading the
            // recipients and queueing their mails.
            count = await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(token);
                var recipients = await db.Set<Subscriber>().AsNoTracking().Where(s => s.ConfirmedAt != null).OrderBy(s => s.ConfirmedAt)
                    .Select(s => new { s.Id, s.Email }).ToListAsync(token);
                foreach (var recipient in recipients)
                {
                    var unsubscribe = NewsletterMails.UnsubscribeUrl(baseUrl, await keys.UnsubscribeTokenAsync(recipient.Id, token));
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
                await db.SaveChangesAsync(token);
                await record(recipients.Count, token);
                await transaction.CommitAsync(token);
                return recipients.Count;
            }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same issue, sent at the same moment from a second tab: that one went.
            if (await SentAlreadyAsync(draft.Id))
            {
                return null;
            }

            throw;
        }

        // Elsewhere (SQL Server reads without the write lock) someone may have left in between: their copies go.
        await DeleteOrphanedMailsAsync(cancellationToken);
        return count;
    }

    /// <summary>Deletes newsletter mails whose subscriber has gone (unsubscribed or erased while the issue was queued), files and all.</summary>
    public Task DeleteOrphanedMailsAsync(CancellationToken cancellationToken)
    {
        var orphans = db.Set<OutboxMessage>()
            .Where(m => m.Lane == NewsletterMails.Lane && !db.Set<Subscriber>().Any(s => s.Id == m.CorrelationId))
            .Select(m => m.CorrelationId);
        return db.DeleteInTransactionAsync(token => outbox.DeleteAboutAsync(orphans, _ => Task.FromResult(0), token), cancellationToken);
    }

    private async Task<bool> SentAlreadyAsync(Guid id)
    {
        db.ChangeTracker.Clear();
        return await db.Set<NewsletterIssue>().AnyAsync(i => i.Id == id);
    }
}
