using Interoffice.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Interoffice.Web.Features.Staff;

public sealed class AuditLog(SiteDbContext db, TimeProvider time, IHttpContextAccessor http, IOptions<AuditRetentionOptions> retention) : IRetentionTask
{
    public const string CommandLine = "opdrachtregel";

    /// <summary>Appends one entry; the actor is the signed-in staff member unless given.</summary>
    public async Task WriteAsync(string action, string? target, string? actor = null, CancellationToken cancellationToken = default)
    {
        db.Add(new AuditEntry
        {
            At = time.GetUtcNow().UtcDateTime,
            Actor = actor ?? http.HttpContext?.User.Identity?.Name ?? CommandLine,
            Action = action,
            Target = target is { Length: > 400 } ? target[..400] : target,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public string Name => "audit log entries";

    /// <summary>Deletes entries older than Retention:AuditLogMonths; returns how many.</summary>
    public Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        Before(db, now.AddMonths(-retention.Value.AuditLogMonths).UtcDateTime).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Entries written before <paramref name="cutoff"/>.</summary>
    public static IQueryable<AuditEntry> Before(SiteDbContext db, DateTime cutoff)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<AuditEntry>().Where(a => a.At < cutoff);
    }

    /// <summary>One page (from 1) of the log, newest first, with one entry more than <paramref name="size"/> to tell whether more follow.</summary>
    public static IQueryable<AuditEntry> Page(SiteDbContext db, int page, int size)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<AuditEntry>().AsNoTracking().OrderByDescending(a => a.Id).Skip((page - 1) * size).Take(size + 1);
    }
}
