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

    public string PublicBaseUrl(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return string.IsNullOrEmpty(BaseUrl) ? $"{request.Scheme}://{request.Host}" : BaseUrl.TrimEnd('/');
    }
}
