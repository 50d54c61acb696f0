using Interoffice.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Features.Consent;

/// <summary>
/// Walks the consent log from its first remaining record: every record must point at the one before it (or at the
/// last one retention removed), its hash must match its content, and the snapshot it names must exist and match its own hash.
/// </summary>
public sealed class ConsentLogVerifier(SiteDbContext db, Interoffice.Web.Features.Privacy.PrivacyStatementProvider statement)
{
    public async Task<ChainVerdict> VerifyAsync(CancellationToken cancellationToken)
    {
        // Retention may remove the oldest records between reading where the log starts and reading its records:
        // a break is only reported when a second walk finds it too.
        var verdict = await WalkAsync(cancellationToken);
        return verdict.Intact ? verdict : await WalkAsync(cancellationToken);
    }

    private async Task<ChainVerdict> WalkAsync(CancellationToken cancellationToken)
    {
        var start = await db.Set<ConsentLogStart>().AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var snapshots = await db.Set<StoredSnapshot>().AsNoTracking().ToDictionaryAsync(s => s.Hash, s => s.Content, StringComparer.Ordinal, cancellationToken);
        var tampered = snapshots.Where(s => PolicySnapshot.HashOf(s.Value) != s.Key).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var expected = start?.RemovedThroughHash ?? ConsentChain.Genesis;
        long count = 0;
        ChainVerdict Verdict(ChainBreak? broken) =>
            new(count, snapshots.Count, expected, start?.RemovedCount ?? 0, start?.RemovedThroughAt, broken) { Warnings = Warnings(snapshots) };

        await foreach (var record in db.Set<ConsentRecord>().AsNoTracking().OrderBy(r => r.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            ChainBreak Broken(string reason) => new(record.Id, record.RecordedAt, null, reason);

            // Every record is sealed when it is written: one without its hash or its link was written past the site or had its seal wiped.
            if (record.Hash is null || record.PreviousHash is null)
            {
                return Verdict(Broken("deze keuze is buiten de keten geschreven (niet verzegeld) of haar zegel is gewist: zij heeft geen hash of wijst niet naar de keuze ervoor"));
            }

            if (record.PreviousHash != expected)
            {
                return Verdict(Broken(count == 0 && start is null && expected == ConsentChain.Genesis
                    ? "de eerste keuze in het log wijst naar een keuze die er niet is: het begin van het log is verwijderd"
                    : "deze keuze wijst niet naar de keuze ervoor: daartussen is een keuze verwijderd of tussengevoegd"));
            }

            if (ConsentChain.HashOf(record, record.PreviousHash) != record.Hash)
            {
                return Verdict(Broken("de inhoud van deze keuze past niet bij haar hash: zij is veranderd"));
            }

            if (!snapshots.ContainsKey(record.PolicyVersion))
            {
                return Verdict(Broken($"de momentopname {record.PolicyVersion} waaronder zij is gemaakt ontbreekt"));
            }

            if (tampered.Contains(record.PolicyVersion))
            {
                return Verdict(Broken($"de momentopname {record.PolicyVersion} waaronder zij is gemaakt is veranderd (haar inhoud past niet meer bij haar hash)"));
            }

            expected = record.Hash;
            count++;
        }

        return tampered.Count > 0
            ? Verdict(new ChainBreak(null, null, tampered.Order(StringComparer.Ordinal).First(), "haar inhoud past niet meer bij haar hash: zij is veranderd"))
            : Verdict(null);
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
