namespace Interoffice.Web.Features.Consent;

/// <summary>A public key of the log, as published at /.well-known/consent-log-keys.pem.</summary>
public sealed record EvidenceKey(string Fingerprint, string StartedAt, string PublicKeyPem);
