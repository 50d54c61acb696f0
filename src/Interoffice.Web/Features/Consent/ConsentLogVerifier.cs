using Interoffice.Web.Features.Privacy;
using Interoffice.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Features.Consent;

/// <summary>
/// Walks the consent log from its first remaining record: every record must point at the one before it (or at the last
/// one retention removed), its hash must match its content, and the snapshot it names must exist and match its own
/// hash. Every signed head must carry a valid signature of a known key, name the record at its size, and follow the
/// head before it without a gap; the log must reach the last head, and with a key configured nothing may follow it.
/// </summary>
public sealed class ConsentLogVerifier(SiteDbContext db, PrivacyStatementProvider statement, ConsentLogSigner signer)
{
    /// <summary>
    /// The verdict; <paramref name="trusted"/> (public keys by fingerprint, as an auditor gives them) replaces the
    /// configured keys. With neither, the keys are taken from the database itself, and the verdict says so.
    /// </summary>
    public async Task<ChainVerdict> VerifyAsync(CancellationToken cancellationToken, string? anchor = null, IReadOnlyDictionary<string, string>? trusted = null)
    {
        // Retention may remove the oldest records between reading where the log starts and reading its records:
        // a break is only reported when a second walk finds it too.
        trusted ??= signer.TrustedKeys;
        var verdict = await WalkAsync(anchor, trusted, cancellationToken);
        return verdict.Intact ? verdict : await WalkAsync(anchor, trusted, cancellationToken);
    }

    private async Task<ChainVerdict> WalkAsync(string? anchor, IReadOnlyDictionary<string, string> trusted, CancellationToken cancellationToken)
    {
        var start = await db.Set<ConsentLogStart>().AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var snapshots = await db.Set<StoredSnapshot>().AsNoTracking().ToDictionaryAsync(s => s.Hash, s => s.Content, StringComparer.Ordinal, cancellationToken);
        var keys = await db.Set<ConsentLogKey>().AsNoTracking().OrderBy(k => k.Id).ToListAsync(cancellationToken);
        var removed = start?.RemovedCount ?? 0;
        var fromDatabase = trusted.Count == 0;
        var heads = await db.Set<ConsentLogHead>().AsNoTracking().Where(h => h.Size >= removed).OrderBy(h => h.Size).ToListAsync(cancellationToken);
        var anchored = await db.Set<ConsentLogAnchor>().AsNoTracking().OrderByDescending(a => a.Id).FirstOrDefaultAsync(cancellationToken);
        var tampered = snapshots.Where(s => PolicySnapshot.HashOf(s.Value) != s.Key).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var expected = start?.RemovedThroughHash ?? ConsentChain.Genesis;
        long count = 0;
        long? anchorAt = anchor == expected && anchor != ConsentChain.Genesis ? removed : null;
        ChainVerdict Verdict(ChainBreak? broken, long unsigned = 0) =>
            new(count, snapshots.Count, expected, removed, start?.RemovedThroughAt, broken)
            {
                Warnings = Warnings(snapshots), LastHead = heads.LastOrDefault(), Keys = keys, Signing = signer.IsSigning, UnsignedRecords = unsigned, AnchorAt = anchorAt, LastAnchor = anchored, KeysFromDatabase = fromDatabase,
                BeforeSigning = Math.Max(0, (heads.Count > 0 ? heads[0].From - 1 : removed + count) - removed),
            };

        var pems = fromDatabase ? keys.GroupBy(k => k.Fingerprint).ToDictionary(g => g.Key, g => g.First().PublicKeyPem, StringComparer.Ordinal) : trusted;
        if (HeadBreak(heads, pems, null) is { } badHead)
        {
            return Verdict(badHead);
        }

        if (start is not null && heads.Count > 0 && heads[0].From <= removed + 1 && !StartSigned(start, pems))
        {
            return Verdict(ChainBreak.AtStart($"het is niet door de site ondertekend (het zegt dat {removed} keuzes na de bewaartermijn zijn verwijderd): de oudste keuzes zijn buiten de bewaartermijn om verwijderd"));
        }

        var bySize = heads.ToDictionary(h => h.Size);
        if (bySize.TryGetValue(removed, out var atStart) && atStart.Hash != expected)
        {
            return Verdict(ChainBreak.AtHead(removed, "zij past niet bij de laatste keuze die na de bewaartermijn is verwijderd"));
        }

        // The hashes after the last head read above, for the heads of commits made while the records are read.
        var known = heads.Count > 0 ? heads[^1].Size : removed;
        var tail = new Dictionary<long, string>();
        var (lastId, laterFormat) = (0L, false);
        await foreach (var record in db.Set<ConsentRecord>().AsNoTracking().OrderBy(r => r.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (RecordBreak(record, expected, count == 0 && start is null, laterFormat, snapshots, tampered) is { } reason)
            {
                return Verdict(new ChainBreak(record.Id, record.RecordedAt, null, reason));
            }

            (expected, lastId, laterFormat) = (record.Hash!, record.Id, laterFormat || record.Format != 1);
            count++;
            if (bySize.TryGetValue(removed + count, out var head) && head.Hash != expected)
            {
                return Verdict(ChainBreak.AtHead(head.Size, Recomputed));
            }

            if (removed + count > known)
            {
                tail[removed + count] = expected;
            }

            anchorAt ??= record.Hash == anchor ? removed + count : null;
        }

        var size = removed + count;

        // A head commits with its records, so every record read has its head by now; a head past them belongs to a
        // commit made after the walk only if records followed it.
        var later = await db.Set<ConsentLogHead>().AsNoTracking().Where(h => h.Size > known).OrderBy(h => h.Size).ToListAsync(cancellationToken);
        var followed = later.Count > 0 && await db.Set<ConsentRecord>().AnyAsync(r => r.Id > lastId, cancellationToken);
        later = [.. later.Where(h => h.Size <= size || !followed)];
        if (HeadBreak(later, pems, heads.LastOrDefault()) is { } badLater)
        {
            return Verdict(badLater);
        }

        if (later.FirstOrDefault(h => tail.TryGetValue(h.Size, out var hash) && hash != h.Hash) is { } mismatch)
        {
            return Verdict(ChainBreak.AtHead(mismatch.Size, Recomputed));
        }

        heads.AddRange(later);
        if (tampered.Count > 0)
        {
            return Verdict(new ChainBreak(null, null, tampered.Order(StringComparer.Ordinal).First(), "haar inhoud past niet meer bij haar hash: zij is veranderd"));
        }

        if (heads.Count > 0 && heads[^1].Size > size)
        {
            return Verdict(ChainBreak.AtHead(heads[^1].Size, $"het log houdt op na {size} keuzes: de nieuwste keuzes zijn verwijderd"));
        }

        // Once the log has been signed, a record no head covers was written past the site (or its head was removed).
        var uncovered = size - (heads.Count > 0 ? heads[^1].Size : removed);
        if (uncovered > 0 && (heads.Count > 0 || keys.Count > 0))
        {
            return Verdict(ChainBreak.AtHead(heads.Count > 0 ? heads[^1].Size : 0, $"de {uncovered} keuzes erna zijn door geen handtekening gedekt: zij zijn buiten de site om geschreven, de koppen zijn verwijderd, of de site schreef ze zonder sleutel"));
        }

        return Verdict(null, signer.IsSigning ? 0 : uncovered);
    }

    private const string Recomputed = "de keuzes tot daar zijn veranderd of herberekend: de keuze op die plaats heeft een andere hash dan de handtekening dekt";

    private static string? RecordBreak(ConsentRecord record, string expected, bool first, bool afterLaterFormat, Dictionary<string, string> snapshots, HashSet<string> tampered)
    {
        // Every record is sealed when it is written: one without its hash or its link was written past the site or had its seal wiped.
        if (record.Hash is null || record.PreviousHash is null)
        {
            return "deze keuze is buiten de keten geschreven (niet verzegeld) of haar zegel is gewist: zij heeft geen hash of wijst niet naar de keuze ervoor";
        }

        if (record.PreviousHash != expected)
        {
            return first && expected == ConsentChain.Genesis
                ? "de eerste keuze in het log wijst naar een keuze die er niet is: het begin van het log is verwijderd"
                : "deze keuze wijst niet naar de keuze ervoor: daartussen is een keuze verwijderd of tussengevoegd";
        }

        if (record.Format is not (1 or ConsentChain.CurrentFormat) || ConsentChain.HashOf(record, record.PreviousHash) != record.Hash)
        {
            return "de inhoud van deze keuze past niet bij haar hash: zij is veranderd";
        }

        // Version 1.0 wrote format 1 only, and stopped before a later version began.
        if (record.Format == 1 && afterLaterFormat)
        {
            return "zij staat in de vorm van versie 1.0 na keuzes van een latere versie: zij is herschreven, of een 1.0-instantie schreef nog mee";
        }

        return !snapshots.ContainsKey(record.PolicyVersion) ? $"de momentopname {record.PolicyVersion} waaronder zij is gemaakt ontbreekt"
            : tampered.Contains(record.PolicyVersion) ? $"de momentopname {record.PolicyVersion} waaronder zij is gemaakt is veranderd (haar inhoud past niet meer bij haar hash)"
            : null;
    }

    /// <summary>Retention signs where the log starts once it is signed at all; an unsigned or forged start is someone else's.</summary>
    private static bool StartSigned(ConsentLogStart start, IReadOnlyDictionary<string, string> pems) =>
        start is { Signature: not null, KeyFingerprint: not null, SignedAt: { } signedAt }
        && pems.TryGetValue(start.KeyFingerprint, out var pem)
        && ConsentLogSigner.Verify(pem, ConsentLogStart.StatementOf(start.RemovedCount, start.RemovedThroughHash, start.RemovedThroughAt, signedAt, start.KeyFingerprint), start.Signature);

    /// <summary>A head whose signature fails, whose key is not trusted, or that does not start where the head before it ended.</summary>
    private static ChainBreak? HeadBreak(List<ConsentLogHead> heads, IReadOnlyDictionary<string, string> pems, ConsentLogHead? previous)
    {
        // Each key is read once per walk, not once per head: a log has a head per commit.
        var keys = new Dictionary<string, System.Security.Cryptography.ECDsa?>(StringComparer.Ordinal);
        try
        {
            foreach (var head in heads)
            {
                if (!keys.TryGetValue(head.KeyFingerprint, out var key))
                {
                    key = pems.TryGetValue(head.KeyFingerprint, out var pem) ? ConsentLogSigner.PublicKey(pem) : null;
                    keys[head.KeyFingerprint] = key is not null && ConsentLogSigner.FingerprintOf(key) == head.KeyFingerprint ? key : null;
                }

                if (keys[head.KeyFingerprint] is not { } trusted)
                {
                    return ChainBreak.AtHead(head.Size, $"zij is ondertekend met een sleutel ({head.KeyFingerprint[..Math.Min(16, head.KeyFingerprint.Length)]}…) die niet als sleutel van dit log is ingesteld (Consent:SigningKey of Consent:PreviousSigningKeys)");
                }

                if (!ConsentLogSigner.Verify(trusted, head.Statement, head.Signature))
                {
                    return ChainBreak.AtHead(head.Size, "haar handtekening klopt niet: de kop is veranderd of vervalst");
                }

                if (previous is not null && head.From != previous.Size + 1)
                {
                    return ChainBreak.AtHead(head.Size, head.From > previous.Size + 1
                        ? $"de keuzes {previous.Size + 1} t/m {head.From - 1} van het log zijn niet ondertekend toen zij werden geschreven (buiten de site om, of ondertekende koppen zijn verwijderd)"
                        : "zij begint niet waar de kop ervoor eindigt");
                }

                previous = head;
            }

            return null;
        }
        finally
        {
            foreach (var key in keys.Values)
            {
                key?.Dispose();
            }
        }
    }

    /// <summary>A snapshot names a version of the privacy statement whose published text is no longer what it was.</summary>
    private List<string> Warnings(Dictionary<string, string> snapshots)
    {
        var published = statement.Versions.ToDictionary(v => v.Version, v => v.Sha256, StringComparer.Ordinal);
        var warnings = new List<string>();
        foreach (var (hash, content) in snapshots.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (PolicySnapshot.FromJson(content)?.PrivacyStatement is { } shown && published.GetValueOrDefault(shown.Version) != shown.Sha256)
            {
                warnings.Add($"Momentopname {hash[..12]} noemt privacyverklaring versie {shown.Version} met SHA-256 {shown.Sha256}, maar die tekst staat niet (meer) ongewijzigd in de gepubliceerde versies. Een gepubliceerde versie wordt nooit aangepast: voeg een nieuwe versie toe.");
            }
        }

        return warnings;
    }
}
