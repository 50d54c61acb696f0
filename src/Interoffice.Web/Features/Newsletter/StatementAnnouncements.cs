using Interoffice.Web.Features.Privacy;
using Interoffice.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Features.Newsletter;

/// <summary>The change notices sent, as the privacy statement's versions page tells them.</summary>
internal sealed class StatementAnnouncements(SiteDbContext db) : IStatementAnnouncements
{
    public async Task<IReadOnlyDictionary<string, DateTime>> AnnouncedAsync(CancellationToken cancellationToken)
    {
        var sent = await db.Set<NewsletterIssue>().AsNoTracking().Where(i => i.StatementVersion != null)
            .Select(i => new { Version = i.StatementVersion!, i.SentAt }).ToListAsync(cancellationToken);
        return sent.GroupBy(s => s.Version, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Min(s => s.SentAt), StringComparer.Ordinal);
    }
}
