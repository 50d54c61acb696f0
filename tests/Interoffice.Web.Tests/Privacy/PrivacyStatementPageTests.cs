using AngleSharp.Dom;
using Interoffice.Web.Features.Privacy;
using Interoffice.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Interoffice.Web.Tests.Privacy;

/// <summary>The statement on the site against the client's text as delivered (docs/client/).</summary>
public sealed class PrivacyStatementPageTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static readonly string[] ClientLines = File.ReadAllLines(
            Path.Combine(AppContext.BaseDirectory, "Privacy", "privacyverklaring-2018-05-23.txt"))
        .Select(line => line.Replace("[bookmark: _GoBack]", "", StringComparison.Ordinal).Normalized())
        .Where(line => line.Length > 0)
        .ToArray();

    // The client's headings, as they stand in the delivered text.
    private static readonly string[] Headings =
    [
        "Inleiding",
        "Wanneer is deze privacyverklaring van toepassing?",
        "Wie is verantwoordelijk voor uw gegevens?",
        "Welke gegevens verwerken wij en voor welk doel?",
        "Websites, apps en systeem",
        "Bezoekers",
        "Verzameldoelen",
        "Cookies",
        "Analytische cookies",
        "Social media cookies",
        "Advertentie cookies",
        "Hoe lang bewaren wij uw gegevens voor deze doelen?",
        "Welke partijen hebben toegang tot welke gegevens?",
        "Hoe beveiligen wij uw gegevens?",
        "Vragen en verzoeken om inzage, correctie en verwijdering",
    ];

    public static TheoryData<string> Items => [.. ClientLines
        .Where(line => line.StartsWith('·') || line.StartsWith('-'))
        .Select(line => line.TrimStart('·', '-').Trim())
        .Distinct()];

    [Fact]
    public async Task The_statement_shows_every_heading_of_the_client_statement_as_a_heading()
    {
        var statement = await StatementAsync();
        var headings = statement.QuerySelectorAll("h1, h2, h3, h4").Select(h => h.TextContent.Normalized()).ToList();

        Assert.All(Headings, heading => Assert.Contains(heading, headings));
        Assert.Equal("Privacyverklaring “Interoffice Document Solutions B.V.”", statement.QuerySelector("h1")?.TextContent);
    }

    [Theory]
    [MemberData(nameof(Items))]
    public async Task The_statement_shows_every_list_item_of_the_client_statement_as_an_item(string item)
    {
        var statement = await StatementAsync();
        var items = statement.QuerySelectorAll("li, td").Select(OwnText).ToList();

        Assert.Contains(item, items);
    }

    [Fact]
    public async Task The_statement_contains_every_line_of_the_client_statement_word_for_word()
    {
        var text = (await StatementAsync()).Body!.TextContent.Normalized();

        var missing = ClientLines
            .Select(line => line.TrimStart('·', '-').Trim())
            .Where(line => !text.Contains(line, StringComparison.Ordinal))
            .ToList();
        Assert.Empty(missing);
        Assert.DoesNotContain("bookmark", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_data_processed_are_shown_under_each_purpose()
    {
        var statement = await StatementAsync();
        var purpose = statement.QuerySelectorAll("li")
            .Single(li => OwnText(li) == "Op de hoogte te houden van betrokkenen ten aanzien van de voortgang, nieuwe ontwikkelingen en informatie");

        Assert.Equal(["Woonadres", "E-mailadres"], purpose.QuerySelectorAll("ul > li").Select(OwnText));
    }

    [Fact]
    public async Task The_statement_opens_with_a_table_of_contents_that_links_to_each_section()
    {
        var statement = await StatementAsync();
        var links = statement.QuerySelectorAll("nav.toc a").ToList();

        Assert.Equal(9, links.Count);
        Assert.All(links, link =>
        {
            var target = statement.QuerySelector(link.GetAttribute("href")!);
            Assert.NotNull(target);
            Assert.Equal(link.TextContent, target.TextContent);
        });
    }

    [Fact]
    public async Task Addresses_email_and_phone_in_the_statement_are_links()
    {
        var statement = await StatementAsync();
        var body = statement.QuerySelector("article")!;

        Assert.NotNull(body.QuerySelector("a[href='mailto:info@interoffice.nl']"));
        Assert.Equal("0597 423712", body.QuerySelector("a[href='tel:+31597423712']")?.TextContent);
        Assert.Contains(body.QuerySelectorAll("a[href^='https://www.openstreetmap.org/']"),
            a => a.TextContent.Normalized() == "M.J. van Olmstraat 13 9672 AE Winschoten");
        Assert.NotNull(body.QuerySelector("a[href='https://www.hotjar.com/privacy']"));
    }

    [Fact]
    public async Task The_statement_shows_its_version_and_date_of_last_change()
    {
        var statement = await StatementAsync();

        Assert.Contains("Versie 1, laatst gewijzigd op 23 mei 2018", statement.Body!.TextContent.Normalized(), StringComparison.Ordinal);
        Assert.Equal("1", site.Services.GetRequiredService<PrivacyStatementProvider>().Version);
    }

    private async Task<IDocument> StatementAsync() => await site.CreateClient().GetDocumentAsync("/privacyverklaring");

    // An item's own words, without those of a list nested in it.
    private static string OwnText(IElement element) =>
        string.Concat(element.ChildNodes.Where(n => n is not IElement { TagName: "UL" or "OL" }).Select(n => n.TextContent)).Normalized();
}
