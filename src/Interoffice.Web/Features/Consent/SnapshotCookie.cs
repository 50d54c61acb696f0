namespace Interoffice.Web.Features.Consent;

public sealed record SnapshotCookie(string Name, string? Domain, string Lifetime, string Purpose)
{
    public static SnapshotCookie Of(ServiceCookie cookie)
    {
        ArgumentNullException.ThrowIfNull(cookie);
        return new(cookie.Name, cookie.Domain, cookie.Lifetime, cookie.Purpose);
    }
}
