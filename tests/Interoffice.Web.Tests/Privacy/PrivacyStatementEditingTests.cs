using Interoffice.Web.Tests.Support;
using Serilog.Events;

namespace Interoffice.Web.Tests.Privacy;

/// <summary>Staff change the statement by saving its file; the site follows without a restart.</summary>
public sealed class PrivacyStatementEditingTests : IAsyncLifetime
{
    private static readonly string ContentRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Interoffice.Web"));
    private readonly string relativePath = $"App_Data/tests/privacyverklaring-{Guid.NewGuid():N}.md";
    private SiteFactory site = null!;

    private string FullPath => Path.Combine(ContentRoot, relativePath);

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FullPath)!);
        File.Copy(Path.Combine(ContentRoot, "Content", "privacyverklaring.md"), FullPath);
        site = new SiteFactory().With("Privacy:StatementPath", relativePath);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_saved_change_to_the_statement_is_shown_without_a_restart()
    {
        var client = site.CreateClient();
        Assert.Contains("Versie 1,", (await client.GetDocumentAsync("/privacyverklaring")).Body!.TextContent, StringComparison.Ordinal);

        var text = await File.ReadAllTextAsync(FullPath);
        await File.WriteAllTextAsync(FullPath, text
            .Replace("version: \"1\"", "version: \"2\"", StringComparison.Ordinal)
            .Replace("last-modified: 2018-05-23", "last-modified: 2026-11-25", StringComparison.Ordinal));

        var shown = await WaitForAsync(client, "Versie 2, laatst gewijzigd op 25 november 2026");
        Assert.True(shown, "the edited statement did not appear within 15 seconds");
    }

    [Fact]
    public async Task A_broken_edit_keeps_the_last_good_statement_online_and_is_logged()
    {
        var client = site.CreateClient();
        Assert.Contains("Versie 1,", (await client.GetDocumentAsync("/privacyverklaring")).Body!.TextContent, StringComparison.Ordinal);

        await File.WriteAllTextAsync(FullPath, "## Alleen een kop, geen front matter\n");
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline && !site.LogEvents.Any(e => e.Level == LogEventLevel.Error))
        {
            await Task.Delay(100);
        }

        Assert.Contains(site.LogEvents, e => e.Level == LogEventLevel.Error && e.MessageTemplate.Text.Contains("Privacy statement", StringComparison.Ordinal));
        var page = (await client.GetDocumentAsync("/privacyverklaring")).Body!.TextContent;
        Assert.Contains("Versie 1,", page, StringComparison.Ordinal);
        Assert.Contains("Wie is verantwoordelijk voor uw gegevens?", page, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await site.DisposeAsync();
        File.Delete(FullPath);
    }

    private static async Task<bool> WaitForAsync(HttpClient client, string expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            var body = (await client.GetDocumentAsync("/privacyverklaring")).Body!.TextContent.Normalized();
            if (body.Contains(expected, StringComparison.Ordinal))
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }
}
