using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Interoffice.Web.Features.MyData;

/// <summary>
/// Links (with their mails) go a day after they were asked for, once they no longer count towards an address's
/// hourly limit; ended sessions go; what people did goes after <see cref="MyDataOptions.ActivityMonths"/>.
/// </summary>
internal sealed class MyDataRetention(SiteDbContext db, Outbox outbox, IOptions<MyDataOptions> options) : IRetentionTask
{
    public string Name => "Mijn gegevens links, sessions and activity";

    public Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now.AddDays(-1).UtcDateTime;
        var ended = now.UtcDateTime;
        var activityCutoff = now.AddMonths(-options.Value.ActivityMonths).UtcDateTime;
        var links = db.Set<AccessLink>().Where(l => l.CreatedAt < cutoff);
        return db.DeleteInTransactionAsync(
            token => outbox.DeleteAboutAsync(links.Select(l => (Guid?)l.Id), async t =>
                await links.ExecuteDeleteAsync(t)
                + await db.Set<AccessSession>().Where(s => s.ExpiresAt < ended).ExecuteDeleteAsync(t)
                + await db.Set<SelfServiceActivity>().Where(a => a.At < activityCutoff).ExecuteDeleteAsync(t), token),
            cancellationToken);
    }
}
