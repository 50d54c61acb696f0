using System.Net;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using Interoffice.Web.Features.News;
using Interoffice.Web.Features.Staff;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Interoffice.Web.Tests.News;

/// <summary>News as staff write it in the staff area and as visitors, search engines and feed readers then find it.</summary>
public sealed class NewsTests : IAsyncLifetime
{
    private readonly SiteFactory site = new SiteFactory().With("Site:BaseUrl", "https://www.interoffice.nl");
    private Visitor staff = null!;

    public async Task InitializeAsync()
    {
        await Support.Staff.CreateAsync(site, "redactie@interoffice.nl");
        staff = Visitor.Of(site);
        using var signedIn = await Support.Staff.SignInAsync(staff, "redactie@interoffice.nl");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    public async Task DisposeAsync()
    {
        staff.Dispose();
        await site.DisposeAsync();
    }

    [Fact]
    public async Task A_draft_is_previewed_and_unseen_until_published_and_then_shown_everywhere_news_is_shown()
    {
        using var visitor = Visitor.Of(site);
        Assert.DoesNotContain("Nieuwe vestiging", await TextAsync(visitor, "/"), StringComparison.Ordinal);
        Assert.Contains("Er is nog geen nieuws", await TextAsync(visitor, "/nieuws"), StringComparison.Ordinal);
        Assert.DoesNotContain("Nieuwe vestiging", await TextAsync(visitor, "/nieuws/feed.xml"), StringComparison.Ordinal);

        using var preview = await Support.Staff.PostFormAsync(staff, "/beheer/nieuws/nieuw", "/beheer/nieuws/nieuw", Fields("voorbeeld"));
        var previewed = await Html.ParseAsync(await preview.Content.ReadAsStringAsync());
        Assert.Equal("Groningen", previewed.QuerySelector("section[aria-labelledby=voorbeeld] .news-body strong")?.TextContent);
        Assert.Empty(await ItemsAsync());

        using var saved = await Support.Staff.PostFormAsync(staff, "/beheer/nieuws/nieuw", "/beheer/nieuws/nieuw", Fields("opslaan"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var editor = saved.Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/nieuws/nieuwe-vestiging-in-groningen")).Response.StatusCode);
        Assert.DoesNotContain("Nieuwe vestiging", await TextAsync(visitor, "/nieuws"), StringComparison.Ordinal);

        using var published = await Support.Staff.PostFormAsync(staff, editor, editor, Fields("publiceren"));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        // The pages cached before show it at once.
        Assert.Contains("Nieuwe vestiging in Groningen", await TextAsync(visitor, "/"), StringComparison.Ordinal);
        Assert.Contains("Nieuwe vestiging in Groningen", await TextAsync(visitor, "/nieuws"), StringComparison.Ordinal);
        var (itemAnswer, item) = await visitor.GetAsync("/nieuws/nieuwe-vestiging-in-groningen");
        Assert.Equal(HttpStatusCode.OK, itemAnswer.StatusCode);
        Assert.Equal("Groningen", item.QuerySelector(".news-body strong")?.TextContent);
        Assert.Single(item.QuerySelectorAll("h1"));
        Assert.Equal("Wat er te zien is", item.QuerySelector(".news-body h2")?.TextContent);
        Assert.Equal("/nieuws/feed.xml", item.QuerySelector("head link[rel=alternate][type='application/atom+xml']")?.GetAttribute("href"));
        using var jsonLd = JsonDocument.Parse(item.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal("NewsArticle", jsonLd.RootElement.GetProperty("@type").GetString());
        Assert.Equal("Nieuwe vestiging in Groningen", jsonLd.RootElement.GetProperty("headline").GetString());
        Assert.Equal("https://www.interoffice.nl/nieuws/nieuwe-vestiging-in-groningen", jsonLd.RootElement.GetProperty("mainEntityOfPage").GetString());

        var sitemap = await TextAsync(visitor, "/sitemap.xml");
        Assert.Contains("<loc>https://www.interoffice.nl/nieuws/nieuwe-vestiging-in-groningen</loc>", sitemap, StringComparison.Ordinal);
        Assert.Contains("<loc>https://www.interoffice.nl/nieuws</loc>", sitemap, StringComparison.Ordinal);

        using var feedAnswer = await visitor.SendAsync(HttpMethod.Get, "/nieuws/feed.xml");
        Assert.Equal("application/atom+xml", feedAnswer.Content.Headers.ContentType?.MediaType);
        using var reader = XmlReader.Create(await feedAnswer.Content.ReadAsStreamAsync());
        var atom = new Atom10FeedFormatter();
        Assert.True(atom.CanRead(reader));
        atom.ReadFrom(reader);
        var entry = Assert.Single(atom.Feed.Items);
        Assert.Equal("Nieuwe vestiging in Groningen", entry.Title.Text);
        Assert.Equal("https://www.interoffice.nl/nieuws/nieuwe-vestiging-in-groningen", entry.Links.Single().Uri.OriginalString);

        var audit = await AuditAsync();
        Assert.Contains((AuditAction.CreateNews, "redactie@interoffice.nl"), audit);
        Assert.Contains((AuditAction.PublishNews, "redactie@interoffice.nl"), audit);
    }

    [Fact]
    public async Task A_script_raw_HTML_or_an_image_from_elsewhere_in_the_Markdown_never_reaches_a_page()
    {
        const string markdown = "Tekst.\n\n| links | midden |\n|:--|:-:|\n| a | b |\n\n![omweg](/\\\\tracker.example/q.gif)\n\n<script>alert('x')</script>\n\n<img src=x onerror=\"alert('y')\">\n\n[klik](javascript:alert('z'))\n\n![teller](https://tracker.example/p.gif)\n\n![logo](/favicon.svg)";
        var editor = await PublishAsync("Veilig bericht", markdown);

        using var visitor = Visitor.Of(site);
        var (_, page) = await visitor.GetAsync("/nieuws/veilig-bericht");
        // As a browser reads it: the raw HTML stands there as text, and no element can run or fetch anything.
        var body = page.QuerySelector(".news-body")!;
        var html = body.InnerHtml;
        Assert.Empty(body.QuerySelectorAll("script"));
        Assert.DoesNotContain(body.QuerySelectorAll("*"), e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(body.QuerySelectorAll("a"), a => a.GetAttribute("href")?.Contains("javascript", StringComparison.OrdinalIgnoreCase) == true);
        // Every image is fetched from this site, as a browser resolves its address ("/\\host" is a path here: Markdig encodes it).
        var images = body.QuerySelectorAll("img").Select(i => new Uri(new Uri("https://www.interoffice.nl/nieuws/veilig-bericht"), i.GetAttribute("src"))).ToList();
        Assert.All(images, image => Assert.Equal("www.interoffice.nl", image.Host));
        Assert.Contains(images, image => image.AbsolutePath == "/favicon.svg");
        Assert.Contains("teller", body.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(body.QuerySelectorAll("*"), e => e.HasAttribute("style"));
        Assert.NotNull(body.QuerySelector("table td"));
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        var preview = (await staff.PageAsync(editor)).QuerySelector(".news-body")!;
        Assert.Empty(preview.QuerySelectorAll("script"));
        Assert.DoesNotContain(preview.QuerySelectorAll("img"), i => i.GetAttribute("src")!.Contains("//", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Editing_a_published_item_changes_its_page_at_once_and_is_audited()
    {
        var editor = await PublishAsync("Openingstijden", "Wij zijn open van 9 tot 5.");
        using var visitor = Visitor.Of(site);
        Assert.Contains("9 tot 5", await TextAsync(visitor, "/nieuws/openingstijden"), StringComparison.Ordinal);

        using var edited = await Support.Staff.PostFormAsync(staff, editor, editor, ("Title", "Nieuwe openingstijden"), ("Summary", "Nieuwe tijden."), ("Body", "Wij zijn open van 8 tot 6."), ("Actie", "opslaan"));

        // The same address, so links to it keep working.
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var page = await TextAsync(visitor, "/nieuws/openingstijden");
        Assert.Contains("8 tot 6", page, StringComparison.Ordinal);
        Assert.Contains("Nieuwe openingstijden", page, StringComparison.Ordinal);
        Assert.Contains((AuditAction.EditNews, "redactie@interoffice.nl"), await AuditAsync());
    }

    [Fact]
    public async Task The_news_list_shows_ten_items_a_page_newest_first()
    {
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
            for (var i = 1; i <= 12; i++)
            {
                var item = NewsItem.Draft($"bericht-{i}", $"Bericht {i}", $"Samenvatting {i}", "Tekst", new DateTime(2026, 1, i, 9, 0, 0, DateTimeKind.Utc));
                item.Publish(new DateTime(2026, 1, i, 9, 0, 0, DateTimeKind.Utc));
                db.Add(item);
            }

            await db.SaveChangesAsync();
        }

        using var visitor = Visitor.Of(site);
        var first = await visitor.PageAsync("/nieuws");
        var second = await visitor.PageAsync("/nieuws/pagina/2");

        Assert.Equal(Enumerable.Range(3, 10).Reverse().Select(i => $"Bericht {i}"), first.QuerySelectorAll(".news-list h2").Select(h => h.TextContent.Trim()));
        Assert.Equal("/nieuws/pagina/2", first.QuerySelector("a[rel=next]")?.GetAttribute("href"));
        Assert.Equal(["Bericht 2", "Bericht 1"], second.QuerySelectorAll(".news-list h2").Select(h => h.TextContent.Trim()));
        Assert.Equal("/nieuws", second.QuerySelector("a[rel=prev]")?.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/nieuws/pagina/3")).Response.StatusCode);
        Assert.Equal(3, (await visitor.PageAsync("/")).QuerySelectorAll("section[aria-labelledby=nieuws] article").Length);
    }

    [Fact]
    public async Task When_the_news_cannot_be_read_the_home_page_is_shown_without_it_and_not_kept()
    {
        await using (var scope = site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Database.ExecuteSqlRawAsync("DROP TABLE NewsItems");
        }

        using var visitor = Visitor.Of(site);
        using var first = await visitor.SendAsync(HttpMethod.Get, "/");
        using var again = await visitor.SendAsync(HttpMethod.Get, "/");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("Documenten en printen", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(again.Headers.Age);
        Assert.Contains(site.LogEvents, e => e.Level == Serilog.Events.LogEventLevel.Warning && e.MessageTemplate.Text.Contains("without its news", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_item_without_a_title_is_refused_with_a_Dutch_message_and_nothing_is_saved()
    {
        using var refused = await Support.Staff.PostFormAsync(staff, "/beheer/nieuws/nieuw", "/beheer/nieuws/nieuw", ("Title", ""), ("Summary", "Kort."), ("Body", "Mijn tekst blijft staan."), ("Actie", "opslaan"));
        var page = await Html.ParseAsync(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Vul een titel in.", page.QuerySelector("#fouten")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Mijn tekst blijft staan.", page.QuerySelector("textarea#Body")?.TextContent);
        Assert.Empty(await ItemsAsync());
    }

    private static (string, string)[] Fields(string action) =>
        [("Title", "Nieuwe vestiging in Groningen"), ("Summary", "Wij openen een tweede vestiging."), ("Body", "Vanaf maart ook in **Groningen**.\n\n# Wat er te zien is\n\nPrinters."), ("Actie", action)];

    private async Task<string> PublishAsync(string title, string body)
    {
        using var published = await Support.Staff.PostFormAsync(staff, "/beheer/nieuws/nieuw", "/beheer/nieuws/nieuw", ("Title", title), ("Summary", "Samenvatting."), ("Body", body), ("Actie", "publiceren"));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        return published.Headers.Location!.OriginalString;
    }

    private static async Task<string> TextAsync(Visitor visitor, string path)
    {
        using var response = await visitor.SendAsync(HttpMethod.Get, path);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<List<NewsItem>> ItemsAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Set<NewsItem>().ToListAsync();
    }

    private async Task<List<(string, string)>> AuditAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Set<AuditEntry>().Select(a => new { a.Action, a.Actor }).ToListAsync()).Select(a => (a.Action, a.Actor)).ToList();
    }
}
