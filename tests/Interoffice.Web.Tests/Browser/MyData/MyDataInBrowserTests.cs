using System.Text.RegularExpressions;
using Interoffice.Web.Tests.Browser;
using Interoffice.Web.Tests.Support;
using Microsoft.Playwright;
using MimeKit;

namespace Interoffice.Web.Tests.Browser.MyData;

/// <summary>
/// "Mijn gegevens" the whole way in Chromium, with and without JavaScript: ask, read the mail from the SMTP server,
/// open the link, look, download, correct, erase. On localhost, where the Secure cookie is kept without TLS.
/// </summary>
public sealed partial class MyDataInBrowserTests(SiteWithMailServer browser) : IClassFixture<SiteWithMailServer>
{
    [BrowserFact]
    public async Task Without_javascript_a_person_asks_for_a_link_looks_downloads_corrects_and_erases()
    {
        var address = $"klant{Guid.NewGuid().ToString("N")[..8]}@example.nl";
        await using var visitor = await browser.VisitAsync(javaScript: false, host: "localhost");
        await WriteAsync(visitor, address);

        await AskAsync(visitor, address);
        var link = await LinkAsync(address);
        await visitor.Page.GotoAsync(link);
        await visitor.SubmitAsync(visitor.Page.GetByRole(AriaRole.Button, new() { Name = "Mijn gegevens bekijken" }));
        await Assertions.Expect(visitor.Page.GetByText("Graag een offerte voor een printer.")).ToBeVisibleAsync();
        Assert.DoesNotContain("code=", visitor.Page.Url, StringComparison.Ordinal);

        var download = await visitor.Page.RunAndWaitForDownloadAsync(() => visitor.Page.GetByRole(AriaRole.Link, new() { Name = "Alles downloaden (JSON)" }).ClickAsync());
        Assert.StartsWith("mijn-gegevens-", download.SuggestedFilename, StringComparison.Ordinal);
        var json = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("\"format\": \"interoffice-persoonsgegevens/1\"", json, StringComparison.Ordinal);
        Assert.Contains(address, json, StringComparison.Ordinal);

        await visitor.Page.GetByText("Naam of telefoonnummer corrigeren").ClickAsync();
        await visitor.Page.GetByLabel("Naam", new() { Exact = true }).FillAsync("Bea de Boer-Smit");
        await visitor.SubmitAsync(visitor.Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }));
        await Assertions.Expect(visitor.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("zijn gecorrigeerd");
        await Assertions.Expect(visitor.Page.Locator("article dd").First).ToBeVisibleAsync();
        await Assertions.Expect(visitor.Page.Locator("article")).ToContainTextAsync("Bea de Boer-Smit");

        await visitor.Page.GetByRole(AriaRole.Link, new() { Name = "Alles wissen…" }).ClickAsync();
        await visitor.Page.GetByRole(AriaRole.Button, new() { Name = "Ja, alles definitief wissen" }).ClickAsync();
        await Assertions.Expect(visitor.Page.GetByRole(AriaRole.Heading, new() { Name = "Gewist", Level = 1 })).ToBeVisibleAsync();
        await visitor.Page.GotoAsync("/mijn-gegevens/overzicht");
        await Assertions.Expect(visitor.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("niet (meer) ingelogd");

        Assert.Empty(visitor.ConsoleProblems);
        Assert.Empty(visitor.ThirdPartyRequests);
    }

    [BrowserFact]
    public async Task With_javascript_every_page_of_the_way_passes_axe_and_the_code_leaves_the_address_bar()
    {
        var address = $"klant{Guid.NewGuid().ToString("N")[..8]}@example.nl";
        await using var visitor = await browser.VisitAsync(host: "localhost");
        await WriteAsync(visitor, address);

        await visitor.Page.GotoAsync("/mijn-gegevens");
        await visitor.AssertAccessibleAsync("my-data-request");
        await visitor.Page.GetByLabel("Uw e-mailadres").FillAsync("niet-een-adres");
        await visitor.SubmitAsync(visitor.Page.GetByRole(AriaRole.Button, new() { Name = "Stuur mij een link" }), redirects: false);
        await Assertions.Expect(visitor.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Vul een geldig e-mailadres in");
        await visitor.AssertAccessibleAsync("my-data-request-error");

        await AskAsync(visitor, address);
        await visitor.AssertAccessibleAsync("my-data-sent");
        var link = await LinkAsync(address);
        await visitor.Page.GotoAsync(link);
        await Assertions.Expect(visitor.Page).ToHaveURLAsync(new Regex("/mijn-gegevens/openen$"));
        await visitor.AssertAccessibleAsync("my-data-open");
        await visitor.SubmitAsync(visitor.Page.GetByRole(AriaRole.Button, new() { Name = "Mijn gegevens bekijken" }));
        await Assertions.Expect(visitor.Page.GetByRole(AriaRole.Heading, new() { Name = "Uw berichten" })).ToBeVisibleAsync();
        await visitor.AssertAccessibleAsync("my-data-overview");

        await visitor.Page.GetByText("Naam of telefoonnummer corrigeren").ClickAsync();
        await visitor.Page.GetByLabel("Telefoon (niet verplicht)").FillAsync("12");
        await visitor.SubmitAsync(visitor.Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }), redirects: false);
        await Assertions.Expect(visitor.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Vul een geldig telefoonnummer in");
        await visitor.AssertAccessibleAsync("my-data-correction-error");

        // The same link again, in this browser: used up, said in Dutch.
        await visitor.Page.GotoAsync(link);
        await visitor.SubmitAsync(visitor.Page.GetByRole(AriaRole.Button, new() { Name = "Mijn gegevens bekijken" }), redirects: false);
        await Assertions.Expect(visitor.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("al gebruikt");
        await visitor.AssertAccessibleAsync("my-data-link-used");

        await visitor.Page.GotoAsync("/mijn-gegevens/wissen");
        await visitor.AssertAccessibleAsync("my-data-confirm-erase");
        await visitor.Page.GetByRole(AriaRole.Button, new() { Name = "Ja, alles definitief wissen" }).ClickAsync();
        await Assertions.Expect(visitor.Page.GetByRole(AriaRole.Heading, new() { Name = "Gewist", Level = 1 })).ToBeVisibleAsync();
        await visitor.AssertAccessibleAsync("my-data-erased");
        await visitor.Page.GotoAsync("/mijn-gegevens/overzicht");
        await visitor.AssertAccessibleAsync("my-data-no-session");

        Assert.Empty(visitor.ConsoleProblems);
        Assert.Empty(visitor.ThirdPartyRequests);
    }

    // The person wrote to us first, with the contact form.
    private static async Task WriteAsync(Visit visitor, string address)
    {
        await visitor.Page.GotoAsync("/contact");
        await visitor.Page.GetByLabel("Naam", new() { Exact = true }).FillAsync("Bea de Boer");
        await visitor.Page.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync(address);
        await visitor.Page.GetByLabel("Bericht", new() { Exact = true }).FillAsync("Graag een offerte voor een printer.");
        await visitor.SubmitAsync(visitor.Page.GetByRole(AriaRole.Button, new() { Name = "Bericht versturen" }));
    }

    private static async Task AskAsync(Visit visitor, string address)
    {
        await visitor.Page.GotoAsync("/mijn-gegevens");
        await visitor.Page.GetByLabel("Uw e-mailadres").FillAsync(address);
        await visitor.SubmitAsync(visitor.Page.GetByRole(AriaRole.Button, new() { Name = "Stuur mij een link" }));
        await Assertions.Expect(visitor.Page.GetByRole(AriaRole.Heading, new() { Name = "Kijk in uw mailbox", Level = 1 })).ToBeVisibleAsync();
    }

    // The link as the visitor's mailbox received it from the site's mail server, on this visit's host.
    private async Task<string> LinkAsync(string address)
    {
        var link = await Eventually.ReturnsAsync(() => Task.FromResult(LinkTo(address)), found => found is not null, $"the link to {address} arrived");
        return new Uri(link!).PathAndQuery;
    }

    private string? LinkTo(string address) =>
        browser.Smtp.Messages.FirstOrDefault(m => m.To.Mailboxes.Any(b => b.Address == address)) is MimeMessage mail
        && Link().Match(mail.TextBody ?? "") is { Success: true } match ? match.Value : null;

    [GeneratedRegex(@"https?://[^\s]+/mijn-gegevens/openen\?code=[A-Za-z0-9_-]+")]
    private static partial Regex Link();
}
