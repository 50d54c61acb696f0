using Interoffice.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Features.Consent;

/// <summary>
/// Appends one batch of choices in one transaction that no other writer runs beside (on any instance): each record
/// sealed after the one before it, inserted one by one so that ids follow the chain on every provider, and the new
/// head signed over them. Nothing here re-seals what is already in the log.
/// </summary>
public sealed partial class ConsentLogBatch(SiteDbContext db, ConsentLogSigner signer, ConsentLogWriters writers, TimeProvider time, ILogger<ConsentLogBatch> logger)
{
    /// <summary>The name of the lock every consent log writer takes.</summary>
    public const string WriterLock = "interoffice-consent-log";

    public async Task WriteAsync(IReadOnlyList<ConsentRecord> records, IEnumerable<ConsentPolicy> policies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        db.Database.AutoSavepointsEnabled = false;
        var shown = policies.DistinctBy(p => p.Version).ToList();
        string? attempted = null;
        await db.RunSerializedAsync(WriterLock, async token =>
        {
            // SQL Server retries a transaction whose commit reported a transient error: it may have been committed.
            if (attempted is not null && await db.Set<ConsentRecord>().AnyAsync(r => r.Hash == attempted, token))
            {
                return 0;
            }

            foreach (var policy in shown)
            {
                await StoreSnapshotAsync(policy, token);
            }

            var (previous, position) = await TailAsync(token);
            foreach (var record in records)
            {
                record.Id = 0;
                ConsentChain.Seal(record, previous);
                db.Add(record);
                await db.SaveChangesAsync(token);
                previous = record.Hash!;
            }

            attempted = previous;
            if (signer.IsSigning && records.Count > 0)
            {
                await RegisterKeyAsync(token);
                var signedAt = ConsentChain.Seconds(time.GetUtcNow().UtcDateTime);
                var (from, size) = (position + 1, position + records.Count);
                var statement = ConsentLogHead.StatementOf(from, size, previous, signedAt, signer.Fingerprint!);
                db.Add(new ConsentLogHead { From = from, Size = size, Hash = previous, SignedAt = signedAt, KeyFingerprint = signer.Fingerprint!, Signature = signer.Sign(statement) });
                await db.SaveChangesAsync(token);
            }

            return records.Count;
        }, cancellationToken);

        // Committed: this instance's key is in the table from now on.
        if (signer.IsSigning)
        {
            writers.KeyRegistered = signer.Fingerprint;
        }
    }

    /// <summary>Stores the snapshot of what visitors are shown, unless it is stored already.</summary>
    public Task StoreSnapshotOnlyAsync(ConsentPolicy current, CancellationToken cancellationToken) =>
        db.RunSerializedAsync(WriterLock, async token =>
        {
            await StoreSnapshotAsync(current, token);
            return 0;
        }, cancellationToken);

    private async Task StoreSnapshotAsync(ConsentPolicy policy, CancellationToken cancellationToken)
    {
        if (await db.Set<StoredSnapshot>().AnyAsync(s => s.Hash == policy.Version, cancellationToken))
        {
            return;
        }

        db.Add(new StoredSnapshot { Hash = policy.Version, Content = policy.Json, FirstServedAt = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        LogSnapshotStored(logger, policy.Version, policy.Statement.Version);
    }

    /// <summary>
    /// The hash the next record follows and the log's size since its first record: from the last signed head when the
    /// log ends there (always, unless it was written unsigned or past the site), else counted.
    /// </summary>
    private async Task<(string Hash, long Size)> TailAsync(CancellationToken cancellationToken)
    {
        var last = await ConsentQueries.LastSealedHash(db).FirstOrDefaultAsync(cancellationToken);
        var head = await ConsentQueries.LastHead(db).FirstOrDefaultAsync(cancellationToken);
        if (last is not null && head is not null && head.Hash == last)
        {
            return (last, head.Size);
        }

        var start = await db.Set<ConsentLogStart>().AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        var size = (start?.RemovedCount ?? 0) + await db.Set<ConsentRecord>().LongCountAsync(cancellationToken);
        if (head is not null && signer.IsSigning)
        {
            // The next head's start shows the gap, and the verifier names it.
            LogUnsignedTail(logger, head.Size + 1, size);
        }

        return (last ?? start?.RemovedThroughHash ?? ConsentChain.Genesis, size);
    }

    /// <summary>Every key that signs is kept with the time it first did, so old heads stay verifiable after a rotation.</summary>
    private async Task RegisterKeyAsync(CancellationToken cancellationToken)
    {
        if (writers.KeyRegistered == signer.Fingerprint)
        {
            return;
        }

        if (!await db.Set<ConsentLogKey>().AnyAsync(k => k.Fingerprint == signer.Fingerprint, cancellationToken))
        {
            db.Add(new ConsentLogKey { Fingerprint = signer.Fingerprint!, PublicKeyPem = signer.PublicKeyPem!, StartedAt = ConsentChain.Seconds(time.GetUtcNow().UtcDateTime) });
            await db.SaveChangesAsync(cancellationToken);
            LogKeyRegistered(logger, signer.Fingerprint!);
        }
    }

    [LoggerMessage(LogLevel.Information, "Consent policy snapshot {Hash} stored (privacy statement version {StatementVersion})")]
    private static partial void LogSnapshotStored(ILogger logger, string hash, string statementVersion);

    [LoggerMessage(LogLevel.Warning, "Consent log: a new signing key {Fingerprint} signs from now on; earlier heads stay verifiable with their own keys")]
    private static partial void LogKeyRegistered(ILogger logger, string fingerprint);

    [LoggerMessage(LogLevel.Error, "Consent log: records {From} to {Size} follow the last signed head but were not signed when written (written unsigned or past the site); consent verify names them")]
    private static partial void LogUnsignedTail(ILogger logger, long from, long size);
}
