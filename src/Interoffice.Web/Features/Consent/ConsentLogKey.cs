namespace Interoffice.Web.Features.Consent;

/// <summary>
/// A public key that has signed the log's heads, from when it first did (UTC). Every key the log has used is kept, so
/// that old heads stay verifiable after a rotation; the private key never comes near the database.
/// </summary>
public sealed class ConsentLogKey
{
    public long Id { get; set; }

    /// <summary>SHA-256 of the key's SubjectPublicKeyInfo (DER), lower-case hex: what a head names its key by.</summary>
    public required string Fingerprint { get; init; }

    public required string PublicKeyPem { get; init; }

    public DateTime StartedAt { get; init; }
}
