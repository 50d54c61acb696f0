using Interoffice.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Infrastructure.Email;

/// <summary>How instances share the outbox, built apart from running it so a test can have SQL Server translate each statement.</summary>
public static class OutboxQueries
{
    /// <summary>
    /// The messages due now that no instance holds, oldest first, with their lanes: all but those in
    /// <paramref name="fullLanes"/> (lanes whose minute is full).
    /// </summary>
    public static IQueryable<DueMessage> Due(SiteDbContext db, DateTime now, int batchSize, IReadOnlyCollection<string> fullLanes)
    {
        ArgumentNullException.ThrowIfNull(db);
        var full = fullLanes.ToList();
        return db.Set<OutboxMessage>()
            .Where(m => m.SentAt == null && m.DeadAt == null && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .Where(m => m.Lane == null || !full.Contains(m.Lane))
            .OrderBy(m => m.Id)
            .Select(m => new DueMessage(m.Id, m.Lane))
            .Take(batchSize);
    }

    /// <summary>How many of <paramref name="lane"/>'s messages left since <paramref name="since"/>, by every instance.</summary>
    public static Task<int> SentInLaneAsync(SiteDbContext db, string lane, DateTime since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<OutboxMessage>().CountAsync(m => m.Lane == lane && m.SentAt > since, cancellationToken);
    }

    /// <summary>
    /// Wins one message for <paramref name="until"/> with a conditional update: only if it is still due and nobody
    /// holds it, so of two instances trying at once one wins. Returns 1 when won.
    /// </summary>
    public static Task<int> ClaimAsync(SiteDbContext db, long id, DateTime now, Guid token, DateTime until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<OutboxMessage>()
            .Where(m => m.Id == id && m.SentAt == null && m.DeadAt == null && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimToken, token).SetProperty(m => m.ClaimedUntil, until), cancellationToken);
    }

    /// <summary>The message as won by <paramref name="token"/>.</summary>
    public static IQueryable<OutboxMessage> Claimed(SiteDbContext db, long id, Guid token)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<OutboxMessage>().Where(m => m.Id == id && m.ClaimToken == token);
    }

    /// <summary>The names of the files in the pickup folder that a message still owns.</summary>
    public static IQueryable<string> PickupFiles(SiteDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<OutboxMessage>().Where(m => m.PickupFile != null).Select(m => m.PickupFile!);
    }

    /// <summary>Every mail about any of <paramref name="correlationIds"/> (a query the feature that queued them builds).</summary>
    public static IQueryable<OutboxMessage> About(SiteDbContext db, IQueryable<Guid?> correlationIds)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<OutboxMessage>().Where(m => correlationIds.Contains(m.CorrelationId));
    }

    /// <summary>The mails about <paramref name="correlationIds"/> that left, or died, before <paramref name="cutoff"/>.</summary>
    public static IQueryable<OutboxMessage> DoneAbout(SiteDbContext db, IQueryable<Guid?> correlationIds, DateTime cutoff) =>
        About(db, correlationIds).Where(m => m.SentAt < cutoff || m.DeadAt < cutoff);

    /// <summary>The latest mail about <paramref name="correlationId"/> (a mail queued later about the same thing supersedes).</summary>
    public static IQueryable<OutboxMessage> Latest(SiteDbContext db, Guid correlationId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<OutboxMessage>().Where(m => m.CorrelationId == correlationId).OrderByDescending(m => m.Id).Take(1);
    }

    /// <summary>The state of the latest mail about each of <paramref name="correlationIds"/> (a query, run as one statement).</summary>
    public static IQueryable<KeyValuePair<Guid, MailState>> LatestStates(SiteDbContext db, IQueryable<Guid?> correlationIds)
    {
        ArgumentNullException.ThrowIfNull(db);
        var mails = db.Set<OutboxMessage>();
        return mails.AsNoTracking()
            .Where(m => correlationIds.Contains(m.CorrelationId) && !mails.Any(later => later.CorrelationId == m.CorrelationId && later.Id > m.Id))
            .Select(m => new KeyValuePair<Guid, MailState>(m.CorrelationId!.Value, MailStates.Of(m.SentAt, m.PickupFile, m.DeadAt)));
    }
}
