using Interoffice.Web.Infrastructure.Hosting;

namespace Interoffice.Web.Features.MyData;

/// <summary>
/// One request on /mijn-gegevens and the mail it caused: a link (only its hash kept) bound to the browser that asked,
/// or, for an address with nothing stored, a mail saying so. Rows of the last hour count towards an address's limit.
/// </summary>
public sealed class AccessLink
{
    private AccessLink()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The address as compared (<see cref="Infrastructure.Data.EmailAddresses"/>): whose data the link opens.</summary>
    public string NormalizedEmail { get; private set; } = "";

    /// <summary>The SHA-256 of the link's secret; null when the mail said that nothing is held.</summary>
    public string? TokenHash { get; private set; }

    /// <summary>The SHA-256 of the asking browser's cookie: the link works in that browser only.</summary>
    public string BrowserHash { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public DateTime? UsedAt { get; private set; }

    /// <summary>Whether a mail went out for it (false: the address had its mails for this hour).</summary>
    public bool Mailed { get; private set; }

    /// <summary>A new request; returns the link's secret when the address holds something (only its hash is kept).</summary>
    public static (AccessLink Link, string? Token) Request(string normalized, string browserHash, bool holdsAnything, bool mail, DateTime now, TimeSpan validFor)
    {
        var token = holdsAnything && mail ? Secrets.New() : null;
        return (new AccessLink
        {
            Id = Guid.NewGuid(),
            NormalizedEmail = normalized,
            TokenHash = token is null ? null : Secrets.Hash(token),
            BrowserHash = browserHash,
            CreatedAt = now,
            ExpiresAt = now + validFor,
            Mailed = mail,
        }, token);
    }

    public void Use(DateTime now) => UsedAt = now;
}
