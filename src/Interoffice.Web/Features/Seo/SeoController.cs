using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Interoffice.Web.Features.Privacy;
using Interoffice.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Interoffice.Web.Features.Seo;

/// <summary>robots.txt and sitemap.xml, built from the list of public pages.</summary>
public sealed class SeoController(IOptions<SiteOptions> site, PrivacyStatementProvider statement) : Controller
{
    /// <summary>Every public page a search engine may index.</summary>
    public static readonly IReadOnlyList<string> PublicPages = ["/", "/diensten", "/over-ons", "/contact", "/privacyverklaring", "/cookies"];

    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [HttpGet("/robots.txt")]
    public ContentResult Robots() => Content(
        $"User-agent: *\nDisallow: /beheer/\n\nSitemap: {BaseUrl()}/sitemap.xml\n", "text/plain", Encoding.UTF8);

    [HttpGet("/sitemap.xml")]
    public ContentResult SitemapXml()
    {
        var baseUrl = BaseUrl();
        var urls = PublicPages.Select(page => new XElement(Sitemap + "url",
            new XElement(Sitemap + "loc", baseUrl + page),
            page == "/privacyverklaring"
                ? new XElement(Sitemap + "lastmod", statement.Current.LastModified.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                : null));
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement(Sitemap + "urlset", urls));
        return Content(document.Declaration + "\n" + document.Root, "application/xml", Encoding.UTF8);
    }

    private string BaseUrl() => site.Value.PublicBaseUrl(Request);
}
