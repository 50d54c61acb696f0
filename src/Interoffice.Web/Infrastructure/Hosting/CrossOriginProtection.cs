namespace Interoffice.Web.Infrastructure.Hosting;

/// <summary>
/// Protection against cross-site posts from the browser's own signals, for forms that carry no antiforgery token (and
/// so set no cookie): the rule of Go's <c>CrossOriginProtection</c>. <c>Sec-Fetch-Site: same-origin</c> or
/// <c>none</c> passes; <c>cross-site</c> is refused, and <c>same-site</c> unless its <c>Origin</c> is this host (the
/// same origin reached through another site signal). Without <c>Sec-Fetch-Site</c> (an older browser) an <c>Origin</c> that is not this
/// host is refused; without either, the <c>Referer</c> must be this site. A request with none of the three passes only
/// where the caller allows it (it does not come from a browser form: a browser sends at least one).
/// </summary>
public static class CrossOriginProtection
{
    /// <param name="siteOrigin">The site's own origin: <c>Site:BaseUrl</c>, or else the request's scheme and host (behind
    /// a proxy that rewrites the host, set <c>Site:BaseUrl</c>).</param>
    /// <param name="withoutSignals">Whether a post with none of the three headers passes.</param>
    public static bool Allows(HttpRequest request, string siteOrigin, bool withoutSignals = true)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            return true;
        }

        var site = request.Headers["Sec-Fetch-Site"].ToString();
        var origin = request.Headers.Origin.ToString();
        var referer = request.Headers.Referer.ToString();
        return site switch
        {
            "same-origin" or "none" => true,
            "same-site" => IsSameOrigin(origin, siteOrigin),
            "" when origin.Length > 0 => IsSameOrigin(origin, siteOrigin),
            "" when referer.Length > 0 => IsSameOrigin(referer, siteOrigin),
            "" => withoutSignals,
            _ => false,
        };
    }

    // Scheme, host and port alike (a default port written out or not).
    private static bool IsSameOrigin(string origin, string siteOrigin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var from)
        && Uri.TryCreate(siteOrigin, UriKind.Absolute, out var site)
        && string.Equals(from.Scheme, site.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(from.IdnHost, site.IdnHost, StringComparison.OrdinalIgnoreCase)
        && from.Port == site.Port;
}
