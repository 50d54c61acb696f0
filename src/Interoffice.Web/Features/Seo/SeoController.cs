using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Interoffice.Web.Features.Privacy;
using Interoffice.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Interoffice.Web.Features.Seo;

/// <summary>robots.txt and sitemap.xml, built from the list of public pages.</summary>
public sealed class SeoController(IOptions<SiteOptions> site, PrivacyStatementProvider statement, IEnumerable<ISitemapSource> sources) : Controller
{
    /// <summary>Every public page a search engine may index.</summary>
    public static readonly IReadOnlyList<string> PublicPages = ["/", "/diensten", "/over-ons", "/contact", "/privacyverklaring", "/cookies"];

    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [HttpGet("/robots.txt")]
    public ContentResult Robots() => Content(
        $"User-agent: *\nDisallow: /beheer/\n\nSitemap: {BaseUrl()}/sitemap.xml\n", "text/plain", Encoding.UTF8);

    [HttpGet("/sitemap.xml")]
    public async Task<ContentResult> SitemapXml(CancellationToken cancellationToken)
    {
        var baseUrl = BaseUrl();
        var entries = PublicPages.Select(page => new SitemapEntry(page, page == "/privacyverklaring" ? statement.Current.LastModified : null)).ToList();
        foreach (var source in sources)
        {
            entries.AddRange(await source.EntriesAsync(cancellationToken));
        }

        var urls = entries.Select(entry => new XElement(Sitemap + "url",
            new XElement(Sitemap + "loc", baseUrl + entry.Path),
            entry.LastModified is { } changed ? new XElement(Sitemap + "lastmod", changed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : null));
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement(Sitemap + "urlset", urls));
        return Content(document.Declaration + "\n" + document.Root, "application/xml", Encoding.UTF8);
    }

    private string BaseUrl() => site.Value.PublicBaseUrl(Request);
}
