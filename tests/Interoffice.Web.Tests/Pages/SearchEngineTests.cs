using System.Xml.Linq;
using Interoffice.Web.Tests.Support;

namespace Interoffice.Web.Tests.Pages;

public sealed class SearchEngineTests
{
    [Fact]
    public async Task The_sitemap_lists_every_public_page_on_the_public_address()
    {
        await using var site = new SiteFactory().With("Site:BaseUrl", "https://www.interoffice.nl/");
        using var response = await site.CreateDefaultClient(new Uri("https://www.interoffice.nl")).GetAsync(new Uri("/sitemap.xml", UriKind.Relative));
        var sitemap = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

        var locations = sitemap.Descendants(ns + "loc").Select(l => l.Value).ToList();
        Assert.Equal(PublicPages.Paths.Select(p => "https://www.interoffice.nl" + p).Order(), locations.Order());
        Assert.Equal("2018-05-23", sitemap.Descendants(ns + "url")
            .Single(u => u.Element(ns + "loc")!.Value.EndsWith("/privacyverklaring", StringComparison.Ordinal))
            .Element(ns + "lastmod")?.Value);
    }

    [Fact]
    public async Task Robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_staff_area()
    {
        await using var site = new SiteFactory().With("Site:BaseUrl", "https://www.interoffice.nl");
        var robots = await site.CreateDefaultClient(new Uri("https://www.interoffice.nl")).GetStringAsync(new Uri("/robots.txt", UriKind.Relative));

        Assert.Contains("Sitemap: https://www.interoffice.nl/sitemap.xml", robots, StringComparison.Ordinal);
        Assert.Contains("Disallow: /beheer/", robots, StringComparison.Ordinal);
        Assert.DoesNotContain("Disallow: /\n", robots, StringComparison.Ordinal);
    }
}
