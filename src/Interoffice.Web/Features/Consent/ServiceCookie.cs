namespace Interoffice.Web.Features.Consent;

/// <summary>
/// A cookie as the cookie statement lists it. A name ending in <c>*</c> stands for every cookie that starts so.
/// <see cref="Domain"/> is null for a cookie on the site's own domain (which the site can remove), or the
/// third party's domain (which only the visitor's browser can remove).
/// </summary>
public sealed record ServiceCookie(string Name, string Lifetime, string Purpose, string? Domain = null)
{
    public bool IsFirstParty => Domain is null;

    public bool Matches(string cookieName)
    {
        ArgumentNullException.ThrowIfNull(cookieName);
        return Name.EndsWith('*')
            ? cookieName.StartsWith(Name[..^1], StringComparison.Ordinal)
            : string.Equals(Name, cookieName, StringComparison.Ordinal);
    }
}
