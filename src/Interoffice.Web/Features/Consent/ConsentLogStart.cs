using System.Text.Json;

namespace Interoffice.Web.Features.Consent;

/// <summary>
/// Where the chain starts after retention removed its oldest records: the hash of the last removed record (the first
/// remaining record must point at it), how many were removed and until when. One row, written by retention only, and
/// signed by it like a head, so that removing the oldest records by hand cannot be passed off as retention.
/// </summary>
public sealed class ConsentLogStart
{
    public const int SingleId = 1;

    public int Id { get; set; } = SingleId;

    /// <summary>The id of the last removed record: retention only ever moves it forward.</summary>
    public long RemovedThroughId { get; set; }

    public required string RemovedThroughHash { get; set; }

    public long RemovedCount { get; set; }

    /// <summary>The time of the last removed record (UTC).</summary>
    public DateTime RemovedThroughAt { get; set; }

    public const string StatementFormat = "interoffice-consent-start/1";

    public DateTime? SignedAt { get; set; }

    public string? KeyFingerprint { get; set; }

    /// <summary>ECDSA P-256 over <see cref="StatementOf"/>, as a head's (DER, Base64).</summary>
    public string? Signature { get; set; }

    public static string StatementOf(long removedCount, string removedThroughHash, DateTime removedThroughAt, DateTime signedAt, string keyFingerprint) =>
        JsonSerializer.Serialize<object[]>([StatementFormat, removedCount, removedThroughHash, ConsentChain.TimeText(removedThroughAt), ConsentChain.TimeText(signedAt), keyFingerprint]);
}
