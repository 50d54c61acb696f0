using Interoffice.Web.Tests.Browser;
using Interoffice.Web.Features.Staff;
using Microsoft.Playwright;

namespace Interoffice.Web.Tests.Browser.News;

/// <summary>A staff member writes and publishes news in Chromium; a visitor reads it. What staff typed as a script never runs.</summary>
public sealed class NewsInBrowserTests(BrowserSite browser) : IClassFixture<BrowserSite>
{
    private const string Password = "lange zin als wachtwoord";

    [BrowserFact]
    public async Task A_staff_member_previews_and_publishes_an_item_and_a_script_in_it_runs_neither_for_staff_nor_for_visitors()
    {
        var email = $"nieuws{Guid.NewGuid().ToString("N")[..8]}@interoffice.nl";
        using (var output = new StringWriter())
        using (var error = new StringWriter())
        {
            using var _ = browser.Site.CreateClient();
            Assert.Equal(0, await StaffCommands.RunAsync(browser.Site.Services, ["staff", "create", "--email", email], new StringReader(Password + "\n"), output, error));
        }

        await using var staff = await browser.VisitAsync();
        var dialogs = 0;
        staff.Page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        await staff.Page.GotoAsync("/beheer/inloggen");
        await staff.Page.GetByLabel("E-mailadres").FillAsync(email);
        await staff.Page.GetByLabel("Wachtwoord").FillAsync(Password);
        await staff.Page.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();
        await staff.Page.GetByRole(AriaRole.Link, new() { Name = "Nieuws", Exact = true }).ClickAsync();
        await staff.Page.GetByRole(AriaRole.Link, new() { Name = "Nieuw bericht" }).ClickAsync();
        await staff.Page.GetByLabel("Titel").FillAsync("Open dag in Winschoten");
        await staff.Page.GetByLabel("Samenvatting").FillAsync("Kom langs op zaterdag.");
        await staff.Page.GetByLabel("Tekst (Markdown)").FillAsync("Wij laten de **nieuwste** apparaten zien.\n\n<script>window.ran = 1; alert('x')</script>\n\n<img src=x onerror=\"window.ran = 2\">");
        await staff.Page.GetByRole(AriaRole.Button, new() { Name = "Voorbeeld" }).ClickAsync();
        await Assertions.Expect(staff.Page.Locator("section[aria-labelledby=voorbeeld] strong")).ToHaveTextAsync("nieuwste");
        await staff.AssertAccessibleAsync("staff-news-editor");
        await staff.Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan en publiceren" }).ClickAsync();
        await Assertions.Expect(staff.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Opgeslagen" })).ToContainTextAsync("/nieuws/open-dag-in-winschoten");

        await using var visitor = await browser.VisitAsync();
        visitor.Page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        await visitor.Page.GotoAsync("/");
        await visitor.Page.GetByRole(AriaRole.Link, new() { Name = "Open dag in Winschoten" }).ClickAsync();
        await Assertions.Expect(visitor.Page.GetByRole(AriaRole.Heading, new() { Name = "Open dag in Winschoten", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(visitor.Page.Locator(".news-body")).ToContainTextAsync("<script>window.ran = 1; alert('x')</script>");
        await visitor.AssertAccessibleAsync("news-item");
        Assert.Null(await visitor.Page.EvaluateAsync<int?>("() => window.ran ?? null"));
        await visitor.Page.GetByRole(AriaRole.Link, new() { Name = "Nieuws", Exact = true }).First.ClickAsync();
        await Assertions.Expect(visitor.Page.GetByRole(AriaRole.Heading, new() { Name = "Nieuws", Level = 1 })).ToBeVisibleAsync();
        await visitor.AssertAccessibleAsync("news-list");

        Assert.Null(await staff.Page.EvaluateAsync<int?>("() => window.ran ?? null"));
        Assert.Equal(0, dialogs);
        Assert.Empty(staff.ConsoleProblems);
        Assert.Empty(visitor.ConsoleProblems);
        Assert.Empty(visitor.ThirdPartyRequests);
    }
}
