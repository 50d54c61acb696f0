namespace Interoffice.Web.Features.Newsletter;

/// <summary>
/// The exact wording a sign-up form showed, stored once under its SHA-256: a subscriber's proof names the hash, and
/// anyone can recompute it from this text (<see cref="SignUpText"/>).
/// </summary>
public sealed class SignUpWording
{
    public required string Sha256 { get; init; }

    public required string Text { get; init; }

    public DateTime FirstUsedAt { get; init; }
}
