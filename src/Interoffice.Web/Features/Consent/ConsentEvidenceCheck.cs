using System.Globalization;
using System.Text.Json;

namespace Interoffice.Web.Features.Consent;

/// <summary>
/// Checks an evidence file without a database, as a third party would: each record's texts against its hashes and its
/// fields, its snapshot against its policy version, its path against its head, the head's signature against the key
/// in the file. What the file cannot show is whether that key is the site's: compare it with the published keys.
/// </summary>
public static class ConsentEvidenceCheck
{
    /// <summary>
    /// One line per record (and per problem); true when every record is covered by a valid signed head, and, given the
    /// site's published keys (PEM), signed by one of them.
    /// </summary>
    public static (bool Valid, IReadOnlyList<string> Lines) Check(ConsentEvidence evidence, string? publishedKeys = null)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var lines = new List<string>();
        var snapshots = evidence.Snapshots.ToDictionary(s => s.Hash, s => s.Content, StringComparer.Ordinal);
        var published = publishedKeys is null ? null : Fingerprints(publishedKeys);
        var keys = evidence.Keys.Where(k => published is null || published.Contains(k.Fingerprint)).ToDictionary(k => k.Fingerprint, k => k.PublicKeyPem, StringComparer.Ordinal);
        var valid = evidence.Records.Count > 0;
        foreach (var record in evidence.Records)
        {
            string? problem;
            try
            {
                problem = Problem(evidence.ConsentId, record, snapshots, keys);
            }
            catch (Exception ex) when (ex is JsonException or FormatException or ArgumentException)
            {
                problem = "het bestand is bij deze keuze onleesbaar (" + ex.GetType().Name + ")";
            }

            valid &= problem is null;
            lines.Add(problem is null
                ? $"Keuze {record.Id}: klopt. Gedekt door de ondertekende kop over {record.Head!.Size} keuzes van {record.Head.SignedAt}, sleutel {record.Head.KeyFingerprint}."
                : $"Keuze {record.Id}: KLOPT NIET: {problem}.");
        }

        return (valid, lines);
    }

    private static string? Problem(string consentId, EvidenceRecord record, Dictionary<string, string> snapshots, Dictionary<string, string> keys)
    {
        if (record.Format != ConsentChain.CurrentFormat || record.ContentInput is null || record.HashInput is null || record.PreviousHash is null || record.Hash is null)
        {
            return "zij is geschreven voordat het log werd ondertekend en is niet door een ondertekende kop gedekt";
        }

        if (ConsentChain.Sha256(record.ContentInput) != record.ContentHash)
        {
            return "contentHash is niet de SHA-256 van contentInput";
        }

        if (FieldsProblem(consentId, record) is { } fields)
        {
            return fields;
        }

        if (!snapshots.TryGetValue(record.PolicyVersion, out var content) || ConsentChain.Sha256(content) != record.PolicyVersion)
        {
            return "de momentopname met hash policyVersion ontbreekt of haar inhoud past niet bij die hash";
        }

        if (record.HashInput != ConsentChain.LinkInput(record.PreviousHash, record.ContentHash!) || ConsentChain.Sha256(record.HashInput) != record.Hash)
        {
            return "hash is niet de SHA-256 van de koppeling van previousHash en contentHash";
        }

        if (record.Head is not { } head)
        {
            return "er is geen ondertekende kop die haar dekt";
        }

        var reached = record.Path.Aggregate(record.Hash, (hash, next) => ConsentChain.Sha256(ConsentChain.LinkInput(hash, next)));
        if (reached != head.Hash || record.Position + record.Path.Count != head.Size)
        {
            return "het pad van haar hash komt niet uit op de hash en de grootte van de ondertekende kop";
        }

        var signedAt = DateTime.ParseExact(head.SignedAt, ConsentChain.TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        if (head.Statement != ConsentLogHead.StatementOf(head.From, head.Size, head.Hash, signedAt, head.KeyFingerprint) || head.From > record.Position)
        {
            return "de ondertekende tekst (statement) is niet die van deze kop";
        }

        if (!keys.TryGetValue(head.KeyFingerprint, out var pem) || ConsentLogSigner.FingerprintOf(pem) != head.KeyFingerprint)
        {
            return "de sleutel van de kop staat niet in het bestand (of niet bij de gepubliceerde sleutels) of heeft een andere vingerafdruk";
        }

        return ConsentLogSigner.Verify(pem, head.Statement, head.Signature) ? null : "de handtekening van de kop klopt niet";
    }

    /// <summary>The fingerprints of every public key in a PEM text.</summary>
    public static HashSet<string> Fingerprints(string pem) => [.. ConsentLogSigner.PublicKeysIn(pem).Select(ConsentLogSigner.FingerprintOf)];

    /// <summary>The fields shown for reading must be the ones that are hashed.</summary>
    private static string? FieldsProblem(string consentId, EvidenceRecord record)
    {
        var fields = JsonSerializer.Deserialize<JsonElement[]>(record.ContentInput!)!;
        var recordedAt = DateTimeOffset.Parse(record.RecordedAt, CultureInfo.InvariantCulture).UtcDateTime;
        object?[] shown =
        [
            ConsentChain.ContentFormat, consentId, ConsentChain.TimeText(recordedAt), record.PolicyVersion,
            record.Method, record.Analytics, record.Tracking, record.Social, record.Advertising, record.GlobalPrivacyControl, record.BrowserFamily,
        ];
        return JsonSerializer.Serialize(shown) == JsonSerializer.Serialize(fields) ? null : "de getoonde velden zijn niet de velden in contentInput";
    }
}
