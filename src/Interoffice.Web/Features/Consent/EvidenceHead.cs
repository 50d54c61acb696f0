namespace Interoffice.Web.Features.Consent;

/// <summary>The signed head that covers a record: the statement as signed and its signature (Base64, DER).</summary>
public sealed record EvidenceHead(long From, long Size, string Hash, string SignedAt, string KeyFingerprint, string Statement, string Signature);
