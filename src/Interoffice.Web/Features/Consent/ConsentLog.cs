using System.Collections.Concurrent;
using Interoffice.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Interoffice.Web.Features.Consent;

/// <summary>
/// Appends the proof of every choice to the chained log, with the snapshot of what the visitor was shown, and deletes
/// proof past its retention from the oldest end.
/// </summary>
public sealed partial class ConsentLog(SiteDbContext db, EnabledServices services, ConsentPolicy policy, ConsentLogWriters writers, IOptions<ConsentOptions> options, TimeProvider time, ILogger<ConsentLog> logger)
{
    private const int MaxAttempts = 20;

    /// <summary>Appends a choice made under <paramref name="current"/> (whose hash is the state's policy version).</summary>
    public async Task AppendAsync(ConsentState state, CurrentPolicy current, bool globalPrivacyControl, string? userAgent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(current);
        if (state.PolicyVersion != current.Version)
        {
            throw new ArgumentException("A choice is recorded under the policy it was made against.", nameof(state));
        }

        bool? Of(ConsentCategory category) => services.Offered.Contains(category) ? state.Granted.Contains(category) : null;
        var record = new ConsentRecord
        {
            ConsentId = state.ConsentId,
            RecordedAt = ConsentChain.Seconds(state.DecidedAt.UtcDateTime),
            PolicyVersion = state.PolicyVersion,
            Method = state.Method,
            Analytics = Of(ConsentCategory.Analytics),
            Tracking = Of(ConsentCategory.Tracking),
            Social = Of(ConsentCategory.Social),
            Advertising = Of(ConsentCategory.Advertising),
            GlobalPrivacyControl = globalPrivacyControl,
            BrowserFamily = BrowserFamily.Of(userAgent),
        };

        await writers.AppendLock.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await EnsureSnapshotAsync(current, cancellationToken);
                    ConsentChain.Seal(record, await TailAsync(cancellationToken));
                    db.Add(record);
                    await db.SaveChangesAsync(cancellationToken);
                    return;
                }
                catch (DbUpdateException) when (attempt < MaxAttempts)
                {
                    // Another instance appended after the same record (or stored the same snapshot) first: follow it.
                    db.ChangeTracker.Clear();
                    writers.StoredSnapshots.Clear();
                    LogAppendRetried(logger, attempt);
                    await Task.Delay(Random.Shared.Next(5, 25 * attempt), cancellationToken);
                }
            }
        }
        finally
        {
            writers.AppendLock.Release();
        }
    }

    /// <summary>Stores the snapshot of what visitors are shown now, unless it is stored already (at start and before the first choice under it).</summary>
    public async Task EnsureSnapshotAsync(CurrentPolicy current, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (writers.StoredSnapshots.ContainsKey(current.Version))
        {
            return;
        }

        if (!await db.Set<ConsentSnapshot>().AnyAsync(s => s.Hash == current.Version, cancellationToken))
        {
            db.Add(new ConsentSnapshot { Hash = current.Version, Content = current.Json, FirstServedAt = time.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(cancellationToken);
            LogSnapshotStored(logger, current.Version, current.Statement.Version);
        }

        writers.StoredSnapshots[current.Version] = true;
    }

    /// <summary>The hash the next record follows: the last record's, else the last removed one's, else the genesis.</summary>
    private async Task<string> TailAsync(CancellationToken cancellationToken)
    {
        var last = await db.Set<ConsentRecord>().AsNoTracking().OrderByDescending(r => r.Id).Select(r => new { r.Hash }).FirstOrDefaultAsync(cancellationToken);
        if (last is { Hash: null })
        {
            await SealUnsealedAsync(cancellationToken);
            return await TailAsync(cancellationToken);
        }

        return last?.Hash ?? await StartHashAsync(db, cancellationToken);
    }

    internal static async Task<string> StartHashAsync(SiteDbContext db, CancellationToken cancellationToken) =>
        await db.Set<ConsentLogStart>().AsNoTracking().Select(s => s.RemovedThroughHash).FirstOrDefaultAsync(cancellationToken) ?? ConsentChain.Genesis;

    /// <summary>
    /// Records written before the log was chained are sealed in their order, once. Every instance computes the same
    /// hashes from the same rows, so two doing it at once agree.
    /// </summary>
    public async Task<int> SealUnsealedAsync(CancellationToken cancellationToken)
    {
        var unsealed = await db.Set<ConsentRecord>().Where(r => r.Hash == null).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        if (unsealed.Count == 0)
        {
            return 0;
        }

        var firstId = unsealed[0].Id;
        var previous = await db.Set<ConsentRecord>().AsNoTracking().Where(r => r.Id < firstId).OrderByDescending(r => r.Id).Select(r => r.Hash).FirstOrDefaultAsync(cancellationToken)
            ?? await StartHashAsync(db, cancellationToken);
        foreach (var record in unsealed)
        {
            ConsentChain.Seal(record, previous);
            previous = record.Hash!;
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        LogSealed(logger, unsealed.Count);
        return unsealed.Count;
    }

    /// <summary>
    /// Deletes records older than Consent:RecordRetentionMonths from the oldest end of the log (a record that is older
    /// but sits after a newer one waits for the next run), notes where the chain now starts, and deletes snapshots no
    /// remaining record refers to. Returns how many records.
    /// </summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().AddMonths(-options.Value.RecordRetentionMonths).UtcDateTime;
        await SealUnsealedAsync(cancellationToken);
        var firstKept = await db.Set<ConsentRecord>().Where(r => r.RecordedAt >= cutoff).MinAsync(r => (long?)r.Id, cancellationToken);
        var lastRemoved = await db.Set<ConsentRecord>().AsNoTracking()
            .Where(r => firstKept == null || r.Id < firstKept)
            .OrderByDescending(r => r.Id)
            .Select(r => new { r.Id, r.Hash, r.RecordedAt })
            .FirstOrDefaultAsync(cancellationToken);
        var current = policy.Version;
        var deleted = lastRemoved is null ? 0 : await db.DeleteInTransactionAsync(async ct =>
        {
            var count = await db.Set<ConsentRecord>().Where(r => r.Id <= lastRemoved.Id).ExecuteDeleteAsync(ct);
            var start = await db.Set<ConsentLogStart>().SingleOrDefaultAsync(ct);
            if (start is null)
            {
                start = new ConsentLogStart { RemovedThroughHash = lastRemoved.Hash! };
                db.Add(start);
            }

            start.RemovedThroughHash = lastRemoved.Hash!;
            start.RemovedCount += count;
            start.RemovedThroughAt = lastRemoved.RecordedAt;
            await db.SaveChangesAsync(ct);
            return count;
        }, cancellationToken);

        var snapshots = await db.Set<ConsentSnapshot>()
            .Where(s => s.Hash != current && s.FirstServedAt < cutoff && !db.Set<ConsentRecord>().Any(r => r.PolicyVersion == s.Hash))
            .ExecuteDeleteAsync(cancellationToken);
        LogDeleted(logger, deleted, cutoff, snapshots);
        return deleted;
    }

    [LoggerMessage(LogLevel.Information, "Consent log retention: deleted {Count} records from before {Cutoff:u} and {Snapshots} snapshots no record refers to")]
    private static partial void LogDeleted(ILogger logger, int count, DateTime cutoff, int snapshots);

    [LoggerMessage(LogLevel.Information, "Consent policy snapshot {Hash} stored (privacy statement version {StatementVersion})")]
    private static partial void LogSnapshotStored(ILogger logger, string hash, string statementVersion);

    [LoggerMessage(LogLevel.Information, "Consent log: sealed {Count} records written before the log was chained")]
    private static partial void LogSealed(ILogger logger, int count);

    [LoggerMessage(LogLevel.Debug, "Consent log: another writer appended first, attempt {Attempt} follows it")]
    private static partial void LogAppendRetried(ILogger logger, int attempt);
}

/// <summary>
/// What the appends of one site instance share: they wait for each other (instances sharing a database meet at the
/// unique PreviousHash and retry), and the snapshots this instance knows are stored.
/// </summary>
public sealed class ConsentLogWriters
{
    internal SemaphoreSlim AppendLock { get; } = new(1, 1);

    internal ConcurrentDictionary<string, bool> StoredSnapshots { get; } = new(StringComparer.Ordinal);
}

/// <summary>The browser family for the proof of consent: enough to explain a record, too little to identify anyone.</summary>
public static class BrowserFamily
{
    public static string Of(string? userAgent) => userAgent switch
    {
        null or "" => "Onbekend",
        _ when userAgent.Contains("Edg/", StringComparison.Ordinal) => "Edge",
        _ when userAgent.Contains("OPR/", StringComparison.Ordinal) => "Opera",
        _ when userAgent.Contains("Firefox/", StringComparison.Ordinal) => "Firefox",
        _ when userAgent.Contains("Chrome/", StringComparison.Ordinal) || userAgent.Contains("Chromium/", StringComparison.Ordinal) => "Chrome",
        _ when userAgent.Contains("Safari/", StringComparison.Ordinal) => "Safari",
        _ => "Overig",
    };
}
