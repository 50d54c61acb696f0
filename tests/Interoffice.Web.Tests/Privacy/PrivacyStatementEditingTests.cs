using System.Security.Cryptography;
using Interoffice.Web.Tests.Support;
using Serilog.Events;

namespace Interoffice.Web.Tests.Privacy;

/// <summary>
/// Staff publish a new version of the statement by adding its file; the site follows without a restart, and every
/// version stays readable on a page of its own.
/// </summary>
public sealed class PrivacyStatementEditingTests : IAsyncLifetime
{
    private static readonly string ContentRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Interoffice.Web"));
    private static readonly string Published = Path.Combine(ContentRoot, "Content", "privacyverklaring", "2018-05-23.md");
    private readonly string relativeFolder = $"App_Data/tests/privacyverklaring-{Guid.NewGuid():N}";
    private SiteFactory site = null!;

    private string Folder => Path.Combine(ContentRoot, relativeFolder);

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        File.Copy(Published, Path.Combine(Folder, "2018-05-23.md"));
        site = new SiteFactory().With("Privacy:StatementFolder", relativeFolder);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_new_version_is_shown_without_a_restart_and_the_old_one_stays_readable()
    {
        var client = site.CreateClient();
        Assert.Contains("Versie 1,", (await client.GetDocumentAsync("/privacyverklaring")).Body!.TextContent, StringComparison.Ordinal);

        await PublishVersion2Async();

        Assert.True(await WaitForAsync(client, "/privacyverklaring", "Versie 2, laatst gewijzigd op 25 november 2026"), "the new version did not appear within 15 seconds");

        var list = await client.GetDocumentAsync("/privacyverklaring/versies");
        var rows = list.QuerySelectorAll("tbody tr").Select(r => r.TextContent.Normalized()).ToList();
        Assert.Equal(2, rows.Count);
        Assert.StartsWith("Versie 2 25 november 2026 geldt nu", rows[0], StringComparison.Ordinal);
        Assert.StartsWith("Versie 1 23 mei 2018 vervangen", rows[1], StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(Published))), rows[1], StringComparison.Ordinal);

        var old = await client.GetDocumentAsync(list.QuerySelectorAll("tbody td:first-child a")[1].GetAttribute("href")!);
        var oldText = old.Body!.TextContent.Normalized();
        Assert.Contains("Dit is versie 1 van 23 mei 2018. Deze versie geldt niet meer", oldText, StringComparison.Ordinal);
        Assert.Contains("Wie is verantwoordelijk voor uw gegevens?", oldText, StringComparison.Ordinal);
        Assert.Equal("/privacyverklaring", old.QuerySelector(".alert a")?.GetAttribute("href"));

        // Anyone can check the fingerprint: the text behind the link is the file, byte for byte.
        var source = await client.GetByteArrayAsync(list.QuerySelectorAll("tbody td:last-child a")[1].GetAttribute("href")!);
        Assert.Equal(await File.ReadAllBytesAsync(Published), source);
    }

    [Fact]
    public async Task A_new_version_makes_the_banner_ask_again_and_say_why_with_the_date_and_a_link()
    {
        await using var services = new SiteFactory().WithAllServices().With("Privacy:StatementFolder", relativeFolder);
        using var returning = Visitor.Of(services);
        using var chose = await returning.ChooseAsync("alles");
        Assert.Null((await returning.PageAsync("/")).QuerySelector("section.consent-banner"));

        await PublishVersion2Async();
        Assert.True(await WaitForAsync(services.CreateClient(), "/privacyverklaring", "Versie 2,"), "the new version did not appear within 15 seconds");

        var banner = (await returning.PageAsync("/")).QuerySelector("section.consent-banner");
        Assert.NotNull(banner);
        var notice = banner.QuerySelector(".consent-renewal")!;
        Assert.Equal("Onze privacyverklaring is gewijzigd op 25 november 2026 (lees de nieuwe versie); daarom vragen wij opnieuw om uw keuze.", notice.TextContent.Normalized());
        Assert.Equal("/privacyverklaring/versies/2", notice.QuerySelector("a")?.GetAttribute("href"));
        Assert.Contains("Wie is verantwoordelijk", (await returning.PageAsync("/privacyverklaring/versies/2")).Body!.TextContent, StringComparison.Ordinal);

        // A first-time visitor is asked as always, without a notice of a change they never saw the start of.
        using var newcomer = Visitor.Of(services);
        var first = (await newcomer.PageAsync("/")).QuerySelector("section.consent-banner");
        Assert.NotNull(first);
        Assert.Null(first.QuerySelector(".consent-renewal"));
    }

    [Fact]
    public async Task A_version_dated_in_the_future_waits_for_its_date()
    {
        var text = await File.ReadAllTextAsync(Published);
        await File.WriteAllTextAsync(Path.Combine(Folder, "2099-01-01.md"), text
            .Replace("version: \"1\"", "version: \"3\"", StringComparison.Ordinal)
            .Replace("last-modified: 2018-05-23", "last-modified: 2099-01-01", StringComparison.Ordinal));
        var client = site.CreateClient();

        Assert.Contains("Versie 1,", (await client.GetDocumentAsync("/privacyverklaring")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Single((await client.GetDocumentAsync("/privacyverklaring/versies")).QuerySelectorAll("tbody tr"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/privacyverklaring/versies/3")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_version_gets_the_Dutch_not_found_page()
    {
        var response = await site.CreateClient().GetAsync("/privacyverklaring/versies/9");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("niet gevonden", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_broken_edit_keeps_the_last_good_statement_online_and_is_logged()
    {
        var client = site.CreateClient();
        Assert.Contains("Versie 1,", (await client.GetDocumentAsync("/privacyverklaring")).Body!.TextContent, StringComparison.Ordinal);

        await File.WriteAllTextAsync(Path.Combine(Folder, "2026-11-25.md"), "## Alleen een kop, geen front matter\n");
        await Eventually.TrueAsync(() => site.LogEvents.Any(e => e.Level == LogEventLevel.Error), "the broken edit was logged");
        Assert.Contains(site.LogEvents, e => e.Level == LogEventLevel.Error && e.MessageTemplate.Text.Contains("Privacy statement", StringComparison.Ordinal));
        var page = (await client.GetDocumentAsync("/privacyverklaring")).Body!.TextContent;
        Assert.Contains("Versie 1,", page, StringComparison.Ordinal);
        Assert.Contains("Wie is verantwoordelijk voor uw gegevens?", page, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await site.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }

    /// <summary>Version 2 as staff would publish it: the same text under a new version and date, in a file of its own.</summary>
    internal static async Task PublishVersion2Async(string folder, string? extra = null)
    {
        var text = await File.ReadAllTextAsync(Published);
        await File.WriteAllTextAsync(Path.Combine(folder, "2026-11-25.md"), text
            .Replace("version: \"1\"", "version: \"2\"", StringComparison.Ordinal)
            .Replace("last-modified: 2018-05-23", "last-modified: 2026-11-25", StringComparison.Ordinal) + (extra ?? ""));
    }

    private Task PublishVersion2Async() => PublishVersion2Async(Folder);

    private static Task<bool> WaitForAsync(HttpClient client, string path, string expected) =>
        Eventually.WithinAsync(async () => (await client.GetDocumentAsync(path)).Body!.TextContent.Normalized().Contains(expected, StringComparison.Ordinal), Eventually.Deadline);
}
