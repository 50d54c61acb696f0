using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Email;
using Interoffice.Web.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Features.Newsletter;

/// <summary>What staff see of the newsletter: counts only (never who unsubscribed), the sending under way, and the issues sent.</summary>
public sealed record NewsletterFigures(
    int Confirmed,
    int Pending,
    int Unsubscribed,
    IReadOnlyList<(DateOnly Month, int Count)> UnsubscribedByMonth,
    int Waiting,
    int Sent,
    int Dead,
    IReadOnlyList<NewsletterIssue> Issues)
{
    public static async Task<NewsletterFigures> ReadAsync(SiteDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var subscribers = db.Set<Subscriber>();
        var since = DutchTime.Day(now).AddMonths(-11);
        since = new DateOnly(since.Year, since.Month, 1);
        var byDay = await UnsubscribedByDay(db, since).ToListAsync(cancellationToken);
        var byMonth = byDay.GroupBy(d => new DateOnly(d.Key.Year, d.Key.Month, 1)).Select(g => (g.Key, g.Sum(d => d.Value))).OrderByDescending(m => m.Key).ToList();
        var lane = db.Set<OutboxMessage>().Where(m => m.Lane == NewsletterMails.Lane);
        return new NewsletterFigures(
            await subscribers.CountAsync(s => s.ConfirmedAt != null, cancellationToken),
            await subscribers.CountAsync(s => s.ConfirmedAt == null, cancellationToken),
            await db.Set<UnsubscribedAddress>().CountAsync(cancellationToken),
            byMonth,
            await lane.CountAsync(m => m.SentAt == null && m.DeadAt == null, cancellationToken),
            await lane.CountAsync(m => m.SentAt != null, cancellationToken),
            await lane.CountAsync(m => m.SentAt == null && m.DeadAt != null, cancellationToken),
            await db.Set<NewsletterIssue>().AsNoTracking().OrderByDescending(i => i.SentAt).Take(20).ToListAsync(cancellationToken));
    }

    /// <summary>How many unsubscribed on each day (Amsterdam) since <paramref name="since"/>: the counts, never the hashes.</summary>
    public static IQueryable<KeyValuePair<DateOnly, int>> UnsubscribedByDay(SiteDbContext db, DateOnly since)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<UnsubscribedAddress>().Where(u => u.UnsubscribedOn >= since)
            .GroupBy(u => u.UnsubscribedOn).Select(g => new KeyValuePair<DateOnly, int>(g.Key, g.Count()));
    }
}
