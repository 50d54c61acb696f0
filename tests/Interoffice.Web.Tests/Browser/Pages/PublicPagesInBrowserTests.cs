using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Interoffice.Web.Tests.Browser;
using Interoffice.Web.Tests.Support;
using Microsoft.Playwright;

namespace Interoffice.Web.Tests.Browser.Pages;

public sealed class PublicPagesInBrowserTests(BrowserSite browser) : IClassFixture<BrowserSite>
{
    public static TheoryData<string> Pages => [.. PublicPages.Paths, "/privacyverklaring/versies", "/bestaat-niet"];

    [BrowserTheory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_loads_without_console_errors_and_contacts_no_other_host(string path)
    {
        await using var visit = await browser.VisitAsync();

        var response = await visit.Page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        Assert.Equal(path == "/bestaat-niet" ? 404 : 200, response!.Status);
        // The browser reports the 404 of the page itself; anything else is a fault.
        Assert.DoesNotContain(visit.ConsoleProblems, p => !(path == "/bestaat-niet" && p.Contains("status of 404", StringComparison.Ordinal)));
        Assert.Empty(visit.ThirdPartyRequests);
        Assert.True(await visit.Page.EvaluateAsync<bool>("() => [...document.styleSheets].some(s => s.href && s.href.includes('bootstrap'))"),
            "the vendored Bootstrap stylesheet is applied");
    }

    [BrowserTheory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_has_no_accessibility_violations_on_a_desktop_and_on_a_phone(string path)
    {
        foreach (var width in new[] { 1280, 390 })
        {
            await using var visit = await browser.VisitAsync(width);
            await visit.Page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            await visit.ScreenshotAsync($"{Name(path)}-{width}");

            var results = await visit.Page.RunAxe();

            Assert.True(results.Violations.Length == 0, $"{path} at {width}px: {Describe(results.Violations)}");
        }
    }

    [BrowserTheory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_fits_a_phone_screen_without_sideways_scrolling(string path)
    {
        await using var visit = await browser.VisitAsync(width: 390, height: 844);
        await visit.Page.GotoAsync(path);

        var overflow = await visit.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");

        Assert.True(overflow <= 0, $"{path} is {overflow}px wider than the phone");
    }

    [BrowserFact]
    public async Task A_keyboard_user_can_skip_straight_to_the_content()
    {
        await using var visit = await browser.VisitAsync();
        await visit.Page.GotoAsync("/diensten");

        await visit.Page.Keyboard.PressAsync("Tab");
        var skipLink = visit.Page.Locator(":focus");
        Assert.Equal("Naar de inhoud", (await skipLink.TextContentAsync())?.Trim());
        var box = await skipLink.BoundingBoxAsync();
        Assert.True(box is { Y: >= 0 } && box.Height > 0, "the focused skip link is visible on screen");

        await visit.Page.Keyboard.PressAsync("Enter");
        Assert.Equal("inhoud", await visit.Page.EvaluateAsync<string>("() => document.activeElement.id"));
    }

    [BrowserFact]
    public async Task A_keyboard_user_reaches_every_menu_item_and_sees_where_focus_is()
    {
        await using var visit = await browser.VisitAsync();
        await visit.Page.GotoAsync("/");
        var reached = new List<string>();

        for (var i = 0; i < 9 && reached.Count < 5; i++)
        {
            await visit.Page.Keyboard.PressAsync("Tab");
            var focused = visit.Page.Locator(":focus");
            if (await focused.EvaluateAsync<bool>("e => !!e.closest('nav')"))
            {
                reached.Add((await focused.TextContentAsync())!.Trim());
                var outline = await focused.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle");
                Assert.NotEqual("none", outline);
            }
        }

        Assert.Equal(["Home", "Diensten", "Over ons", "Nieuws", "Contact"], reached);
    }

    [BrowserFact]
    public async Task The_table_of_contents_takes_the_reader_to_the_section()
    {
        await using var visit = await browser.VisitAsync();
        await visit.Page.GotoAsync("/privacyverklaring");

        await visit.Page.GetByRole(AriaRole.Link, new() { Name = "Cookies", Exact = true }).First.ClickAsync();

        Assert.EndsWith("#cookies", visit.Page.Url, StringComparison.Ordinal);
        // Bootstrap scrolls smoothly: wait for the section to arrive at the top of the window.
        await visit.Page.WaitForFunctionAsync(
            "() => { const top = document.getElementById('cookies').getBoundingClientRect().top; return top >= -1 && top <= 100; }",
            null,
            new PageWaitForFunctionOptions { Timeout = 5000 });
    }

    private static string Name(string path) => path == "/" ? "home" : path.Trim('/').Replace('/', '-');

    private static string Describe(AxeResultItem[] violations) =>
        string.Join("; ", violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))})"));
}
