using Interoffice.Web.Infrastructure.Hosting;

namespace Interoffice.Web.Features.Newsletter;

/// <summary>
/// An address signed up for the newsletter, with the proof of it: when it signed up and confirmed, the wording it was
/// shown (<see cref="WordingSha256"/>) and how it came. Only a confirmed one is ever sent a newsletter.
/// </summary>
public sealed class Subscriber
{
    public const int EmailMax = 254;

    /// <summary>A confirmation link works this long.</summary>
    public static readonly TimeSpan ConfirmFor = TimeSpan.FromHours(48);

    private Subscriber()
    {
    }

    public Guid Id { get; private set; }

    public string Email { get; private set; } = "";

    /// <summary>The address as the site compares it (<see cref="Infrastructure.Data.EmailAddresses"/>).</summary>
    public string NormalizedEmail { get; private set; } = "";

    /// <summary>The latest sign-up: the one the confirmation answers.</summary>
    public DateTime SignedUpAt { get; private set; }

    public DateTime? ConfirmedAt { get; private set; }

    /// <summary>The SHA-256 (hex) of the confirmation link's secret, while it is unused: the link itself is stored nowhere.</summary>
    public string? TokenHash { get; private set; }

    public DateTime? TokenExpiresAt { get; private set; }

    /// <summary>When the site last mailed this address about signing up, so a stranger cannot fill a mailbox with sign-ups.</summary>
    public DateTime? LastSignUpMailAt { get; private set; }

    public SignUpSource Source { get; private set; }

    /// <summary>The staff account that signed the person up, when staff did.</summary>
    public string? AddedBy { get; private set; }

    /// <summary>The SHA-256 of the wording the sign-up showed (<see cref="SignUpWording"/>).</summary>
    public string WordingSha256 { get; private set; } = "";

    public bool IsConfirmed => ConfirmedAt is not null;

    public static Subscriber SignUp(string email, string normalized, SignUpSource source, string? addedBy, string wordingSha256, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        Email = email,
        NormalizedEmail = normalized,
        SignedUpAt = now,
        Source = source,
        AddedBy = addedBy,
        WordingSha256 = wordingSha256,
    };

    /// <summary>Signed up again before confirming: the newest sign-up is the one the next link confirms.</summary>
    public void SignUpAgain(SignUpSource source, string? addedBy, string wordingSha256, DateTime now) =>
        (SignedUpAt, Source, AddedBy, WordingSha256) = (now, source, addedBy, wordingSha256);

    /// <summary>A new confirmation link: the secret to mail, of which only the hash is kept. An older link stops working.</summary>
    public string NewConfirmationToken(DateTime now)
    {
        var token = Secrets.New();
        TokenHash = HashOf(token);
        TokenExpiresAt = now + ConfirmFor;
        LastSignUpMailAt = now;
        return token;
    }

    /// <summary>A notice mailed to an address that is already confirmed.</summary>
    public void NoticeSent(DateTime now) => LastSignUpMailAt = now;

    public void Confirm(DateTime now)
    {
        ConfirmedAt = now;
        TokenHash = null;
        TokenExpiresAt = null;
    }

    public static string HashOf(string token) => Secrets.Hash(token);
}
