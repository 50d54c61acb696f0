namespace Interoffice.Web.Infrastructure.Hosting;

/// <summary>Bound from the <c>Site</c> section.</summary>
public sealed class SiteOptions
{
    public const string SectionName = "Site";

    /// <summary>
    /// The public address of the site, for canonical links, robots.txt and the sitemap.
    /// Empty: the address the request came in on.
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>A YouTube video shown on the about page; empty shows none.</summary>
    public string? AboutVideoId { get; set; }

    /// <summary>The public address without a trailing slash, for links that leave the page (canonical, sitemap).</summary>
    public bool HasValidVideoId() =>
        string.IsNullOrEmpty(AboutVideoId) || System.Text.RegularExpressions.Regex.IsMatch(AboutVideoId, "^[A-Za-z0-9_-]{11}$");

    public bool HasValidBaseUrl() =>
        string.IsNullOrEmpty(BaseUrl)
        || (Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp));

    /// <summary>The host name of <see cref="BaseUrl"/> (no port), or null when it is not set.</summary>
    public string? PublicHost => HasValidBaseUrl() && !string.IsNullOrEmpty(BaseUrl) ? new Uri(BaseUrl).IdnHost : null;

    /// <summary>Whether a request for <paramref name="host"/> is for the site's own address (always, when <see cref="BaseUrl"/> is not set).</summary>
    public bool IsPublicHost(HostString host) => PublicHost is not { } own || string.Equals(host.Host, own, StringComparison.OrdinalIgnoreCase);

    public string PublicBaseUrl(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return string.IsNullOrEmpty(BaseUrl) ? $"{request.Scheme}://{request.Host}" : BaseUrl.TrimEnd('/');
    }
}
