namespace Interoffice.Web.Features.Consent;

/// <summary>A snapshot of what the visitor was shown, exactly as stored: its SHA-256 is the records' policy version.</summary>
public sealed record EvidenceSnapshot(string Hash, string FirstServedAt, string Content);
