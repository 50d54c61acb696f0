using System.Text.Json;

namespace Interoffice.Web.Features.Consent;

/// <summary>
/// A signed head of the consent log, written in the same transaction as the records it newly covers: the log then
/// held <see cref="Size"/> records since its very first one (those removed by retention included), the last with hash
/// <see cref="Hash"/>; this commit added records <see cref="From"/> to <see cref="Size"/>.
/// </summary>
public sealed class ConsentLogHead
{
    public const string StatementFormat = "interoffice-consent-head/1";

    public long Id { get; set; }

    /// <summary>The position (from 1) of the first record this commit added.</summary>
    public long From { get; init; }

    public long Size { get; init; }

    public required string Hash { get; init; }

    /// <summary>When it was signed (UTC, to the second).</summary>
    public DateTime SignedAt { get; init; }

    public required string KeyFingerprint { get; init; }

    /// <summary>ECDSA P-256 with SHA-256 over the UTF-8 bytes of <see cref="Statement"/>, DER-encoded, in Base64.</summary>
    public required string Signature { get; init; }

    /// <summary>What is signed: a compact JSON array of ASCII text (docs/consent-log.md).</summary>
    public static string StatementOf(long from, long size, string hash, DateTime signedAt, string keyFingerprint) =>
        JsonSerializer.Serialize<object[]>(
            [StatementFormat, from, size, hash, ConsentChain.TimeText(signedAt), keyFingerprint]);

    public string Statement => StatementOf(From, Size, Hash, SignedAt, KeyFingerprint);
}
