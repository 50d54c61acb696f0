using Interoffice.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Interoffice.Web.Features.Consent;

/// <summary>
/// Appends the proof of every choice to the signed, chained log (through this instance's <see cref="ConsentLogWriter"/>),
/// with the snapshot of what the visitor was shown, and deletes proof past its retention from the oldest end.
/// </summary>
public sealed partial class ConsentLog(SiteDbContext db, EnabledServices services, ConsentPolicyProvider policy, ConsentLogWriter writer, ConsentLogBatch batch, ConsentLogSigner signer, IOptions<ConsentOptions> options, ILogger<ConsentLog> logger) : IRetentionTask
{
    /// <summary>Appends a choice made under <paramref name="current"/> (whose hash is the choice's policy version); returns once it is durable.</summary>
    public Task AppendAsync(ConsentChoice choice, ConsentPolicy current, bool globalPrivacyControl, string? userAgent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(choice);
        ArgumentNullException.ThrowIfNull(current);
        if (choice.PolicyVersion != current.Version)
        {
            throw new ArgumentException("A choice is recorded under the policy it was made against.", nameof(choice));
        }

        bool? Of(ConsentCategory category) => services.Offered.Contains(category) ? choice.Granted.Contains(category) : null;
        var record = new ConsentRecord
        {
            ConsentId = choice.ConsentId,
            RecordedAt = ConsentChain.Seconds(choice.DecidedAt.UtcDateTime),
            PolicyVersion = choice.PolicyVersion,
            Method = choice.Method,
            Analytics = Of(ConsentCategory.Analytics),
            Tracking = Of(ConsentCategory.Tracking),
            Social = Of(ConsentCategory.Social),
            Advertising = Of(ConsentCategory.Advertising),
            GlobalPrivacyControl = globalPrivacyControl,
            BrowserFamily = BrowserFamily.Of(userAgent),
        };
        return writer.AppendAsync(record, current, cancellationToken);
    }

    /// <summary>Stores the snapshot of what visitors are shown now, unless it is stored already (at start; a choice stores its own).</summary>
    public Task EnsureSnapshotAsync(ConsentPolicy current, CancellationToken cancellationToken) => batch.StoreSnapshotOnlyAsync(current, cancellationToken);

    /// <summary>The hash the next record follows: the last sealed record's, else the last removed one's, else the genesis.</summary>
    private async Task<string> TailAsync(CancellationToken cancellationToken) =>
        await ConsentQueries.LastSealedHash(db).FirstOrDefaultAsync(cancellationToken)
        ?? await db.Set<ConsentLogStart>().AsNoTracking().Select(s => s.RemovedThroughHash).FirstOrDefaultAsync(cancellationToken) ?? ConsentChain.Genesis;

    /// <summary>What retention deletes here, as its log line names it.</summary>
    public string Name => "consent records";

    /// <summary>
    /// Deletes records older than Consent:RecordRetentionMonths from the oldest end of the log (a record that is older
    /// but sits after a newer one waits for the next run), notes where the chain now starts, and deletes old snapshots
    /// no remaining record refers to. Two instances running it at once cannot move the start backwards. Returns how many records.
    /// </summary>
    public async Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now.AddMonths(-options.Value.RecordRetentionMonths).UtcDateTime;
        var firstKept = await db.Set<ConsentRecord>().Where(r => r.RecordedAt >= cutoff).MinAsync(r => (long?)r.Id, cancellationToken);
        var lastRemoved = await ConsentQueries.SealedBefore(db, firstKept)
            .Select(r => new { r.Id, r.Hash, r.RecordedAt })
            .FirstOrDefaultAsync(cancellationToken);
        // Under the writers' lock: a batch counting the log's size never sees half a removal.
        var deleted = lastRemoved is null ? 0 : await db.RunSerializedAsync(ConsentLogBatch.WriterLock, async ct =>
        {
            db.ChangeTracker.Clear();
            var count = await ConsentQueries.Through(db, lastRemoved.Id).CountAsync(ct);
            var advanced = await ConsentQueries.AdvanceStartAsync(db, lastRemoved.Id, lastRemoved.Hash!, lastRemoved.RecordedAt, count, ct);
            if (advanced == 0)
            {
                if (await db.Set<ConsentLogStart>().AnyAsync(ct))
                {
                    // Another instance removed as far or further already.
                    return 0;
                }

                db.Add(new ConsentLogStart { RemovedThroughId = lastRemoved.Id, RemovedThroughHash = lastRemoved.Hash!, RemovedThroughAt = lastRemoved.RecordedAt, RemovedCount = count });
                await db.SaveChangesAsync(ct);
            }

            // Signed like a head: only retention, which holds the key, can say where the log now starts.
            db.ChangeTracker.Clear();
            var start = await db.Set<ConsentLogStart>().SingleAsync(ct);
            if (signer.IsSigning)
            {
                start.SignedAt = ConsentChain.Seconds(now.UtcDateTime);
                start.KeyFingerprint = signer.Fingerprint;
                start.Signature = signer.Sign(ConsentLogStart.StatementOf(start.RemovedCount, start.RemovedThroughHash, start.RemovedThroughAt, start.SignedAt.Value, signer.Fingerprint!));
                await db.SaveChangesAsync(ct);
            }

            // Heads of removed records only go with them; the one at the new start still names its hash.
            await ConsentQueries.HeadsBefore(db, start.RemovedCount).ExecuteDeleteAsync(ct);
            return await ConsentQueries.Through(db, lastRemoved.Id).ExecuteDeleteAsync(ct);
        }, cancellationToken);
        if (deleted > 0)
        {
            await db.ForgetDeletedAsync(CancellationToken.None);
        }

        // A snapshot goes only when no record refers to it and it was first served before the cutoff, so that no
        // instance can still be showing it (a choice under it lasts at most 13 months).
        var current = policy.Version;
        var snapshots = await ConsentQueries.Unreferenced(db, current, cutoff).ExecuteDeleteAsync(cancellationToken);
        LogDeleted(logger, deleted, cutoff, snapshots);
        await LogHeadAsync(cancellationToken);
        return deleted;
    }

    /// <summary>Writes the log's size and last hash to the operator's log (the mailed anchor is the one to compare against).</summary>
    public async Task LogHeadAsync(CancellationToken cancellationToken)
    {
        var count = await db.Set<ConsentRecord>().LongCountAsync(cancellationToken);
        LogHead(logger, count, await TailAsync(cancellationToken));
    }

    [LoggerMessage(LogLevel.Information, "Consent log: {Count} records, last hash {Hash}")]
    private static partial void LogHead(ILogger logger, long count, string hash);

    [LoggerMessage(LogLevel.Information, "Consent log retention: deleted {Count} records from before {Cutoff:u} and {Snapshots} snapshots no record refers to")]
    private static partial void LogDeleted(ILogger logger, int count, DateTime cutoff, int snapshots);
}
