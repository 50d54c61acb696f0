using System.Net;
using Interoffice.Web.Tests.Support;

namespace Interoffice.Web.Tests.Pages;

public sealed class PublicPagesTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    public static TheoryData<string, string> Pages => PublicPages.All;

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_public_page_answers_in_Dutch_with_its_own_title_and_description(string path, string heading)
    {
        var client = site.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var document = await Html.ParseAsync(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nl", document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Interoffice", document.Title, StringComparison.Ordinal);
        Assert.True(document.Title!.Length is > 10 and <= 100, $"title '{document.Title}'");
        var description = document.QuerySelector("meta[name=description]")?.GetAttribute("content");
        Assert.True(description is { Length: >= 50 and <= 170 }, $"description '{description}'");
        Assert.Contains(heading, document.QuerySelector("h1")?.TextContent, StringComparison.Ordinal);
        Assert.Single(document.QuerySelectorAll("h1"));
    }

    [Fact]
    public async Task Every_public_page_has_a_title_and_description_no_other_page_has()
    {
        var client = site.CreateClient();
        var titles = new HashSet<string>();
        var descriptions = new HashSet<string>();
        foreach (var path in PublicPages.Paths)
        {
            var document = await client.GetDocumentAsync(path);
            Assert.True(titles.Add(document.Title!), $"{path} repeats the title '{document.Title}'");
            Assert.True(descriptions.Add(document.QuerySelector("meta[name=description]")!.GetAttribute("content")!), $"{path} repeats a description");
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_public_page_links_to_itself_as_canonical_on_the_configured_address(string path, string heading)
    {
        _ = heading;
        using var production = new SiteFactory().With("Site:BaseUrl", "https://www.interoffice.nl");
        var document = await production.CreateDefaultClient(new Uri("https://www.interoffice.nl")).GetDocumentAsync(path);

        Assert.Equal("https://www.interoffice.nl" + path, document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task Every_page_footer_gives_the_company_details_and_the_privacy_links()
    {
        var client = site.CreateClient();
        foreach (var path in PublicPages.Paths)
        {
            var document = await client.GetDocumentAsync(path);
            var footer = document.QuerySelector("footer")!;
            var text = footer.TextContent.Normalized();

            Assert.Contains("Interoffice Document Solutions B.V.", text, StringComparison.Ordinal);
            Assert.Contains("M.J. van Olmstraat 13", text, StringComparison.Ordinal);
            Assert.Contains("9672 AE Winschoten", text, StringComparison.Ordinal);
            Assert.Contains("59806249", text, StringComparison.Ordinal);
            Assert.NotNull(footer.QuerySelector("a[href='tel:+31597423712']"));
            Assert.Equal("info@interoffice.nl", footer.QuerySelector("a[href='mailto:info@interoffice.nl']")?.TextContent);
            Assert.Equal("Privacyverklaring", footer.QuerySelector("a[href='/privacyverklaring']")?.TextContent);
            Assert.Equal("Cookie-instellingen", footer.QuerySelector("a[href='/cookies']")?.TextContent);
        }
    }

    [Fact]
    public async Task The_menu_marks_the_page_the_visitor_is_on()
    {
        var document = await site.CreateClient().GetDocumentAsync("/diensten");

        var current = document.QuerySelectorAll("nav a[aria-current=page]");
        Assert.Equal("Diensten", Assert.Single(current).TextContent);
    }

    [Fact]
    public async Task Every_page_offers_a_skip_link_to_its_main_content()
    {
        var document = await site.CreateClient().GetDocumentAsync("/");

        var first = document.Body!.QuerySelector("a");
        Assert.Equal("#inhoud", first?.GetAttribute("href"));
        Assert.NotNull(document.QuerySelector("main#inhoud"));
    }

    [Fact]
    public async Task No_page_loads_anything_from_another_host()
    {
        var client = site.CreateClient();
        foreach (var path in PublicPages.Paths)
        {
            var document = await client.GetDocumentAsync(path);
            var loaded = document.QuerySelectorAll("script[src], link[rel=stylesheet], link[rel=icon], img, iframe")
                .Select(e => e.GetAttribute("src") ?? e.GetAttribute("href") ?? "");
            Assert.All(loaded, url => Assert.StartsWith("/", url, StringComparison.Ordinal));
        }
    }
}
