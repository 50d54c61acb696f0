using Interoffice.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Features.Consent;

/// <summary>
/// What is read from and deleted in the consent log, built apart from running it so a test can have SQL Server
/// translate each one. The staff pages (records, evidence, export, figures) and the log's retention use these.
/// </summary>
public static class ConsentQueries
{
    /// <summary>One visitor's choices, in the order they were made.</summary>
    public static IQueryable<ConsentRecord> Of(SiteDbContext db, string consentId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<ConsentRecord>().AsNoTracking().Where(r => r.ConsentId == consentId).OrderBy(r => r.Id);
    }

    /// <summary>The hash of the last sealed record: what the next record follows.</summary>
    public static IQueryable<string?> LastSealedHash(SiteDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<ConsentRecord>().AsNoTracking().Where(r => r.Hash != null).OrderByDescending(r => r.Id).Select(r => r.Hash);
    }

    /// <summary>The newest signed head.</summary>
    public static IQueryable<ConsentLogHead> LastHead(SiteDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<ConsentLogHead>().AsNoTracking().OrderByDescending(h => h.Size);
    }

    /// <summary>Heads of a log shorter than <paramref name="size"/>: they only cover records retention removed.</summary>
    public static IQueryable<ConsentLogHead> HeadsBefore(SiteDbContext db, long size)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<ConsentLogHead>().Where(h => h.Size < size);
    }

    /// <summary>The records that follow the given ones in the chain (whose previous hash is one of theirs).</summary>
    public static IQueryable<ConsentRecord> Following(SiteDbContext db, IReadOnlyCollection<string> hashes)
    {
        ArgumentNullException.ThrowIfNull(db);
        var list = hashes.ToList();
        return db.Set<ConsentRecord>().AsNoTracking().Where(r => r.PreviousHash != null && list.Contains(r.PreviousHash));
    }

    /// <summary>The stored snapshots of the given policy versions.</summary>
    public static IQueryable<StoredSnapshot> Snapshots(SiteDbContext db, IReadOnlyCollection<string> versions)
    {
        ArgumentNullException.ThrowIfNull(db);
        var list = versions.ToList();
        return db.Set<StoredSnapshot>().AsNoTracking().Where(s => list.Contains(s.Hash));
    }

    /// <summary>The choices made from <paramref name="startUtc"/> up to (not including) <paramref name="endUtc"/>, oldest first.</summary>
    public static IQueryable<ConsentRecord> RecordedBetween(SiteDbContext db, DateTime startUtc, DateTime endUtc)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<ConsentRecord>().AsNoTracking().Where(r => r.RecordedAt >= startUtc && r.RecordedAt < endUtc).OrderBy(r => r.RecordedAt).ThenBy(r => r.Id);
    }

    /// <summary>The sealed records before the first one that is kept (all sealed records when none is kept), the last first.</summary>
    public static IQueryable<ConsentRecord> SealedBefore(SiteDbContext db, long? firstKept)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<ConsentRecord>().AsNoTracking().Where(r => r.Hash != null && (firstKept == null || r.Id < firstKept)).OrderByDescending(r => r.Id);
    }

    /// <summary>The records up to and including <paramref name="lastId"/>: what retention removes from the log's start.</summary>
    public static IQueryable<ConsentRecord> Through(SiteDbContext db, long lastId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<ConsentRecord>().Where(r => r.Id <= lastId);
    }

    /// <summary>
    /// Moves the noted start of the chain forward to a removed record, only if it is not there or further already
    /// (two instances at once cannot move it back). Returns 1 when it moved.
    /// </summary>
    public static Task<int> AdvanceStartAsync(SiteDbContext db, long lastId, string lastHash, DateTime lastAt, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<ConsentLogStart>()
            .Where(s => s.Id == ConsentLogStart.SingleId && s.RemovedThroughId < lastId)
            .ExecuteUpdateAsync(set => set
                .SetProperty(s => s.RemovedThroughId, lastId)
                .SetProperty(s => s.RemovedThroughHash, lastHash)
                .SetProperty(s => s.RemovedThroughAt, lastAt)
                .SetProperty(s => s.RemovedCount, s => s.RemovedCount + count), cancellationToken);
    }

    /// <summary>Snapshots no record refers to, first served before the cutoff, other than the current one.</summary>
    public static IQueryable<StoredSnapshot> Unreferenced(SiteDbContext db, string current, DateTime cutoff)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<StoredSnapshot>().Where(s => s.Hash != current && s.FirstServedAt < cutoff && !db.Set<ConsentRecord>().Any(r => r.PolicyVersion == s.Hash));
    }
}
