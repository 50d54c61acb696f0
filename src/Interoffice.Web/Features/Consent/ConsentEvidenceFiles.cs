using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Features.Consent;

/// <summary>Makes the evidence file for one consent id from the log as it is now (staff download it).</summary>
public sealed class ConsentEvidenceFiles(SiteDbContext db, ConsentLogVerifier verifier, TimeProvider time)
{
    private const string Explanation =
        "Bewijs van cookietoestemming van Interoffice Document Solutions B.V. Elke keuze (records) heeft de exacte tekst "
        + "'contentInput' waarvan 'contentHash' de SHA-256 is (UTF-8), en 'hashInput' (de hash van de keuze ervoor en die contentHash) "
        + "waarvan 'hash' de SHA-256 is. 'path' zijn de contentHashes van de keuzes erna tot aan de ondertekende kop ('head'): wie "
        + "ze één voor één koppelt, komt uit op de hash van die kop. De kop is ondertekend met ECDSA P-256 en SHA-256 over de tekst "
        + "'statement' (handtekening in DER, Base64) met de sleutel in 'keys'; vergelijk die met de sleutels op "
        + "/.well-known/consent-log-keys.pem. 'policyVersion' is de SHA-256 van de momentopname (snapshots, 'content', exact zoals "
        + "opgeslagen) van wat de bezoeker te zien kreeg. Controleren kan zonder de site: consent verify-evidence BESTAND, of het "
        + "script in docs/consent-log.md. 'chain' is het oordeel van de site zelf over het hele log bij het maken van dit bestand.";

    /// <summary>The evidence for <paramref name="consentId"/>, or null when the log holds no record of it.</summary>
    public async Task<ConsentEvidence?> BuildAsync(string consentId, CancellationToken cancellationToken)
    {
        var records = await ConsentQueries.Of(db, consentId).ToListAsync(cancellationToken);
        if (records.Count == 0)
        {
            return null;
        }

        var removed = await db.Set<ConsentLogStart>().AsNoTracking().Select(s => s.RemovedCount).FirstOrDefaultAsync(cancellationToken);
        var evidence = new List<EvidenceRecord>();
        foreach (var record in records)
        {
            var position = removed + await db.Set<ConsentRecord>().LongCountAsync(r => r.Id <= record.Id, cancellationToken);
            var (path, head) = await PathToHeadAsync(record, position, cancellationToken);
            var sealedLink = record.PreviousHash is null ? null : ConsentChain.HashInput(record, record.PreviousHash);
            evidence.Add(new EvidenceRecord(
                record.Id, position, DutchTime.Iso(record.RecordedAt), record.PolicyVersion, record.Method.ToString(), record.Method.Label(),
                record.Analytics, record.Tracking, record.Social, record.Advertising, record.GlobalPrivacyControl, record.BrowserFamily, record.Format,
                record.Format == 1 ? null : ConsentChain.ContentInput(record), record.Format == 1 ? null : ConsentChain.ContentHash(record),
                record.PreviousHash, sealedLink, record.Hash, path, head));
        }

        var versions = records.Select(r => r.PolicyVersion).Distinct().ToList();
        var snapshots = await ConsentQueries.Snapshots(db, versions).ToListAsync(cancellationToken);
        var fingerprints = evidence.Where(r => r.Head is not null).Select(r => r.Head!.KeyFingerprint).Distinct().ToList();
        var keys = await db.Set<ConsentLogKey>().AsNoTracking().Where(k => fingerprints.Contains(k.Fingerprint)).OrderBy(k => k.Id).ToListAsync(cancellationToken);
        var verdict = await verifier.VerifyAsync(cancellationToken);
        return new ConsentEvidence(
            ConsentEvidence.CurrentFormat,
            consentId,
            DutchTime.Iso(time.GetUtcNow().UtcDateTime),
            Explanation,
            new EvidenceVerdict(verdict.Intact, verdict.Describe(), verdict.Records, verdict.Head),
            evidence,
            [.. snapshots.Select(s => new EvidenceSnapshot(s.Hash, DutchTime.Iso(s.FirstServedAt), s.Content))],
            [.. keys.DistinctBy(k => k.Fingerprint).Select(k => new EvidenceKey(k.Fingerprint, DutchTime.Iso(k.StartedAt), k.PublicKeyPem))]);
    }

    /// <summary>
    /// The first signed head at or after the record, and the content hashes of the records between: only format-2
    /// records have one, so a record from before signing (or after the last head) has no path.
    /// </summary>
    private async Task<(IReadOnlyList<string> Path, EvidenceHead? Head)> PathToHeadAsync(ConsentRecord record, long position, CancellationToken cancellationToken)
    {
        var head = await db.Set<ConsentLogHead>().AsNoTracking().Where(h => h.Size >= position).OrderBy(h => h.Size).FirstOrDefaultAsync(cancellationToken);
        if (head is null || record.Format == 1)
        {
            return ([], null);
        }

        var following = await db.Set<ConsentRecord>().AsNoTracking().Where(r => r.Id > record.Id).OrderBy(r => r.Id)
            .Take((int)Math.Min(head.Size - position, int.MaxValue)).ToListAsync(cancellationToken);
        if (following.Any(r => r.Format == 1))
        {
            return ([], null);
        }

        return ([.. following.Select(ConsentChain.ContentHash)],
            new EvidenceHead(head.From, head.Size, head.Hash, ConsentChain.TimeText(head.SignedAt), head.KeyFingerprint, head.Statement, head.Signature));
    }
}
