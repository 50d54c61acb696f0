using System.Text.Encodings.Web;
using System.Text.Json;

namespace Interoffice.Web.Features.Consent;

/// <summary>
/// The evidence file for one consent id: its records with the exact texts their hashes cover, for each the path of
/// content hashes to a signed head, that head's statement and signature, the snapshots and the public keys. Everything
/// a third party needs to check it offline (docs/consent-log.md); nothing of other visitors but hashes.
/// </summary>
public sealed record ConsentEvidence(
    string Format,
    string ConsentId,
    string MadeAt,
    string Explanation,
    EvidenceVerdict Chain,
    IReadOnlyList<EvidenceRecord> Records,
    IReadOnlyList<EvidenceSnapshot> Snapshots,
    IReadOnlyList<EvidenceKey> Keys)
{
    public const string CurrentFormat = "interoffice-consent-evidence/2";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public byte[] ToUtf8Json() => JsonSerializer.SerializeToUtf8Bytes(this, Options);

    /// <summary>Reads an evidence file; null for one that is not JSON of this shape.</summary>
    public static ConsentEvidence? Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<ConsentEvidence>(json, Options) is { Format: CurrentFormat, Records: not null, Snapshots: not null, Keys: not null } evidence ? evidence : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
