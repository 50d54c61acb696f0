using Deque.AxeCore.Playwright;
using Interoffice.Web.Tests.Browser;
using Interoffice.Web.Tests.Support;
using Microsoft.Playwright;

namespace Interoffice.Web.Tests.Browser.Consent;

/// <summary>
/// The consent banner as a visitor meets it, checked the way the Dutch regulator's scanner checks sites:
/// a real browser that records every request and cookie before and after a click.
/// </summary>
public sealed class ConsentInBrowserTests(ConsentInBrowserTests.AllServicesSite browser) : IClassFixture<ConsentInBrowserTests.AllServicesSite>
{
    private static readonly string[] Functional = ["io.af", "io.consent"];
    private static readonly string[] AdvertisingAndTrackingHosts =
        ["googleadservices.com", "doubleclick.net", "facebook.net", "facebook.com", "licdn.com", "linkedin.com"];

    public sealed class AllServicesSite() : BrowserSite(new SiteFactory().WithAllServices());

    [BrowserFact]
    public async Task A_first_visit_contacts_no_other_host_and_sets_no_cookie_at_all()
    {
        await using var visit = await browser.VisitAsync();
        foreach (var path in new[] { "/", "/diensten", "/over-ons" })
        {
            await visit.Page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
            await Assertions.Expect(visit.Page.Locator("section.consent-banner")).ToBeVisibleAsync();
        }

        Assert.Empty(visit.ThirdPartyRequests);
        Assert.Empty(await visit.CookieNamesAsync());
        Assert.Empty(visit.ConsoleProblems);
    }

    [BrowserFact(VisitorsBrowser = true)]
    public async Task Going_back_to_a_page_with_the_banner_restores_it_from_the_back_forward_cache()
    {
        // Playwright switches the back/forward cache off by default; a visitor's Chromium has it on.
        using var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        await using var chromium = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium.VisitorsBrowserPath ?? throw new InvalidOperationException(Chromium.VisitorsBrowserHint),
            Args = Chromium.Arguments,
            Headless = true,
            IgnoreDefaultArgs = ["--disable-back-forward-cache"],
        });
        await using var context = await chromium.NewContextAsync(new() { BaseURL = browser.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        var cdp = await context.NewCDPSessionAsync(page);
        var reasons = new List<string>();
        cdp.Event("Page.backForwardCacheNotUsed").OnEvent += (_, e) => reasons.Add(e?.ToString() ?? "");
        await cdp.SendAsync("Page.enable");

        await page.GotoAsync("/diensten");
        await Assertions.Expect(page.Locator("section.consent-banner")).ToBeVisibleAsync();
        await page.EvaluateAsync("() => { window.stayed = true; addEventListener('pageshow', e => window.restored = e.persisted); }");
        await page.GetByRole(AriaRole.Link, new() { Name = "Over ons", Exact = true }).First.ClickAsync();
        await page.WaitForURLAsync("**/over-ons");
        await page.GoBackAsync(new() { WaitUntil = WaitUntilState.Commit }); // a restored page fires no load event

        await Assertions.Expect(page.Locator("section.consent-banner")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.stayed === true && window.restored === true"), "the page was loaded again instead of restored: " + string.Join("; ", reasons));
    }

    [BrowserFact]
    public async Task Reject_all_sends_no_request_to_third_parties_on_the_next_three_pages()
    {
        await using var visit = await browser.VisitAsync();
        await visit.Page.GotoAsync("/");

        await visit.Page.GetByRole(AriaRole.Button, new() { Name = "Alles weigeren" }).ClickAsync();
        await Assertions.Expect(visit.Page.Locator("section.consent-banner")).ToHaveCountAsync(0);
        foreach (var path in new[] { "/diensten", "/over-ons", "/contact" })
        {
            await visit.Page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
            Assert.Equal(0, await visit.Page.Locator("section.consent-banner").CountAsync());
        }

        Assert.Empty(visit.ThirdPartyRequests);
        Assert.All(await visit.CookieNamesAsync(), name => Assert.Contains(name, Functional));
        Assert.Contains("io.consent", await visit.CookieNamesAsync());
        Assert.Empty(visit.ConsoleProblems);
    }

    [BrowserFact]
    public async Task Accepting_analytics_only_starts_Google_Analytics_and_contacts_no_advertising_host()
    {
        await using var visit = await browser.VisitAsync();
        await visit.Page.GotoAsync("/diensten");

        await visit.Page.GetByRole(AriaRole.Link, new() { Name = "Instellingen", Exact = true }).ClickAsync();
        var dialog = visit.Page.Locator("dialog#consent-dialog");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByLabel("Analytisch").CheckAsync();
        await visit.Page.RunAndWaitForRequestAsync(
            () => dialog.GetByRole(AriaRole.Button, new() { Name = "Keuze opslaan" }).ClickAsync(),
            r => r.Url.StartsWith("https://www.googletagmanager.com/gtag/js?id=G-TEST123456", StringComparison.Ordinal));
        await visit.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.EndsWith("/diensten", visit.Page.Url, StringComparison.Ordinal);
        Assert.Contains(visit.ThirdPartyRequests, url => url.StartsWith("https://static.hotjar.com/", StringComparison.Ordinal));
        Assert.DoesNotContain(visit.ThirdPartyRequests, url => AdvertisingAndTrackingHosts.Any(host => new Uri(url).Host.EndsWith(host, StringComparison.Ordinal)));
        Assert.Equal(0, await visit.Page.Locator("section.consent-banner").CountAsync());
    }

    [BrowserFact]
    public async Task Withdrawing_analytics_removes_the_ga_cookies_planted_under_the_sites_domain()
    {
        await using var visit = await browser.VisitAsync();
        await visit.Page.GotoAsync("/cookies");
        await visit.Page.Locator("#instellingen-analytics").CheckAsync();
        await visit.Page.Locator("main form.consent-settings").GetByRole(AriaRole.Button, new() { Name = "Keuze opslaan" }).ClickAsync();
        await Assertions.Expect(visit.Page.Locator("dl.consent-current")).ToContainTextAsync("Analytisch");
        var host = browser.BaseAddress.Host;
        await visit.Context.AddCookiesAsync(
        [
            new Cookie { Name = "_ga", Value = "GA1.1.1.2", Domain = host, Path = "/" },
            new Cookie { Name = "_ga_TEST123456", Value = "GS1.1.1", Domain = host, Path = "/" },
            new Cookie { Name = "_gid", Value = "GA1.1.3.4", Domain = host, Path = "/" },
        ]);
        Assert.Contains("_ga", await visit.CookieNamesAsync());

        await visit.Page.GotoAsync("/cookies");
        await visit.Page.Locator("#instellingen-analytics").UncheckAsync();
        await visit.Page.Locator("#instellingen-analytics").Locator("xpath=ancestor::form").GetByRole(AriaRole.Button, new() { Name = "Keuze opslaan" }).ClickAsync();
        await Assertions.Expect(visit.Page.Locator("dl.consent-current")).ToContainTextAsync("niets (alles geweigerd)");

        var names = await visit.CookieNamesAsync();
        Assert.DoesNotContain("_ga", names);
        Assert.DoesNotContain("_ga_TEST123456", names);
        Assert.DoesNotContain("_gid", names);
        Assert.DoesNotContain("gtag/js", await visit.Page.ContentAsync(), StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task Without_javascript_the_banner_and_the_settings_still_work()
    {
        await using (var rejecting = await browser.VisitAsync(javaScript: false))
        {
            await rejecting.Page.GotoAsync("/over-ons");
            await rejecting.SubmitAsync(rejecting.Page.GetByRole(AriaRole.Button, new() { Name = "Alles weigeren" }));
            Assert.EndsWith("/over-ons", rejecting.Page.Url, StringComparison.Ordinal);
            Assert.Equal(0, await rejecting.Page.Locator("section.consent-banner").CountAsync());
        }

        await using var choosing = await browser.VisitAsync(javaScript: false);
        await choosing.Page.GotoAsync("/");
        await choosing.Page.Locator("section.consent-banner").GetByRole(AriaRole.Link, new() { Name = "Instellingen", Exact = true }).ClickAsync();
        await choosing.Page.WaitForURLAsync("**/cookies#instellingen");
        await choosing.Page.Locator("#instellingen-analytics").CheckAsync();
        await choosing.SubmitAsync(choosing.Page.Locator("#instellingen-analytics").Locator("xpath=ancestor::form").GetByRole(AriaRole.Button, new() { Name = "Keuze opslaan" }));
        Assert.EndsWith("/cookies", choosing.Page.Url, StringComparison.Ordinal);

        await Assertions.Expect(choosing.Page.Locator("dl.consent-current")).ToContainTextAsync("Analytisch");
        Assert.Equal(0, await choosing.Page.Locator("section.consent-banner").CountAsync());
        Assert.Empty(choosing.ThirdPartyRequests);
    }

    [BrowserFact]
    public async Task A_keyboard_user_can_reach_the_banner_and_accept_everything()
    {
        await using var visit = await browser.VisitAsync();
        await visit.Page.GotoAsync("/");

        await visit.Page.Keyboard.PressAsync("Tab");
        await visit.Page.Keyboard.PressAsync("Tab");
        Assert.Equal("Naar de cookiekeuze", (await visit.Page.Locator(":focus").TextContentAsync())?.Trim());
        await visit.Page.Keyboard.PressAsync("Enter");
        Assert.Equal("cookiekeuze", await visit.Page.EvaluateAsync<string>("() => document.activeElement.id"));
        await visit.Page.Keyboard.PressAsync("Tab"); // the link to the cookie statement in the banner's text
        await visit.Page.Keyboard.PressAsync("Tab");
        Assert.Equal("Alles accepteren", (await visit.Page.Locator(":focus").TextContentAsync())?.Trim());
        Assert.NotEqual("none", await visit.Page.Locator(":focus").EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle"));
        await visit.Page.Keyboard.PressAsync("Enter");

        await visit.Page.WaitForRequestAsync(r => r.Url.Contains("connect.facebook.net", StringComparison.Ordinal));
        Assert.Equal(0, await visit.Page.Locator("section.consent-banner").CountAsync());
    }

    [BrowserFact]
    public async Task The_settings_dialog_keeps_focus_inside_and_closes_with_Escape()
    {
        await using var visit = await browser.VisitAsync();
        await visit.Page.GotoAsync("/");
        var opener = visit.Page.Locator("section.consent-banner").GetByRole(AriaRole.Link, new() { Name = "Instellingen", Exact = true });
        await opener.FocusAsync();
        await visit.Page.Keyboard.PressAsync("Enter");
        var dialog = visit.Page.Locator("dialog#consent-dialog");
        await Assertions.Expect(dialog).ToBeVisibleAsync();

        for (var i = 0; i < 12; i++)
        {
            await visit.Page.Keyboard.PressAsync("Tab");
            Assert.True(await visit.Page.EvaluateAsync<bool>("() => !document.activeElement || document.activeElement === document.body || !!document.activeElement.closest('dialog')"),
                "focus left the dialog");
        }

        await visit.Page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        Assert.Equal("Instellingen", (await visit.Page.Locator(":focus").TextContentAsync())?.Trim());
    }

    [BrowserFact]
    public async Task The_banner_and_the_settings_dialog_have_no_accessibility_violations()
    {
        await using var visit = await browser.VisitAsync(width: 390, height: 844);
        await visit.Page.GotoAsync("/", new() { WaitUntil = WaitUntilState.NetworkIdle });
        var withBanner = await visit.Page.RunAxe();
        await visit.ScreenshotAsync("consent-banner-390");

        await visit.Page.GetByRole(AriaRole.Link, new() { Name = "Instellingen", Exact = true }).ClickAsync();
        await Assertions.Expect(visit.Page.Locator("dialog#consent-dialog")).ToBeVisibleAsync();
        var withDialog = await visit.Page.RunAxe();
        await visit.ScreenshotAsync("consent-settings-390");

        Assert.True(withBanner.Violations.Length == 0, string.Join("; ", withBanner.Violations.Select(v => $"{v.Id}: {v.Help}")));
        Assert.True(withDialog.Violations.Length == 0, string.Join("; ", withDialog.Violations.Select(v => $"{v.Id}: {v.Help}")));
    }

    [BrowserFact]
    public async Task Staff_find_a_visitors_choice_see_what_the_visitor_was_shown_and_download_the_evidence()
    {
        await using var visitor = await browser.VisitAsync();
        await visitor.Page.GotoAsync("/");
        await visitor.Page.GetByRole(AriaRole.Button, new() { Name = "Alles accepteren" }).ClickAsync();
        await Assertions.Expect(visitor.Page.Locator("section.consent-banner")).ToHaveCountAsync(0);
        await visitor.Page.GotoAsync("/cookies");
        var consentId = await visitor.Page.Locator("dl.consent-current code").TextContentAsync();

        var email = $"mw{Guid.NewGuid().ToString("N")[..8]}@interoffice.nl";
        using (var output = new StringWriter())
        using (var error = new StringWriter())
        {
            Assert.Equal(0, await Interoffice.Web.Features.Staff.StaffCommands.RunAsync(browser.Site.Services, ["staff", "create", "--email", email], new StringReader("lange zin als wachtwoord\n"), output, error));
        }

        await using var staff = await browser.VisitAsync();
        await staff.Page.GotoAsync("/beheer/toestemmingen");
        await staff.Page.GetByLabel("E-mailadres").FillAsync(email);
        await staff.Page.GetByLabel("Wachtwoord").FillAsync("lange zin als wachtwoord");
        await staff.Page.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();
        await staff.Page.GetByRole(AriaRole.Textbox, new() { Name = "Keuzenummer" }).FillAsync(consentId!);
        await staff.Page.GetByRole(AriaRole.Button, new() { Name = "Opzoeken" }).ClickAsync();

        await Assertions.Expect(staff.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Controle:" })).ToContainTextAsync("Het toestemmingslog is intact");
        await Assertions.Expect(staff.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "alles accepteren" })).ToContainTextAsync("toegestaan");
        await staff.Page.GetByRole(AriaRole.Link, new() { Name = "momentopname" }).First.ClickAsync();
        var shown = staff.Page.GetByRole(AriaRole.Region, new() { Name = "Wat deze bezoeker te zien kreeg" }).First;
        await Assertions.Expect(shown).ToContainTextAsync("Alles accepteren · Alles weigeren · Instellingen");
        await Assertions.Expect(shown).ToContainTextAsync("Meta Pixel (Custom Audience)");
        await staff.ScreenshotAsync("staff-consent-proof");
        var axe = await staff.Page.RunAxe();
        Assert.True(axe.Violations.Length == 0, string.Join("; ", axe.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));

        var download = await staff.Page.RunAndWaitForDownloadAsync(() => staff.Page.GetByRole(AriaRole.Button, new() { Name = "Bewijsbestand downloaden (JSON)" }).ClickAsync());
        var evidence = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains($"\"consentId\": \"{consentId}\"", evidence, StringComparison.Ordinal);
        Assert.Contains("\"hashInput\"", evidence, StringComparison.Ordinal);
        Assert.Empty(staff.ThirdPartyRequests);
    }

    [BrowserFact]
    public async Task The_cookie_statement_with_every_service_has_no_accessibility_violations()
    {
        foreach (var width in new[] { 1280, 390 })
        {
            await using var visit = await browser.VisitAsync(width: width);
            await visit.Page.GotoAsync("/cookies", new() { WaitUntil = WaitUntilState.NetworkIdle });
            await visit.Page.GetByRole(AriaRole.Button, new() { Name = "Alles weigeren" }).First.ClickAsync();
            await Assertions.Expect(visit.Page.Locator("section.consent-banner")).ToHaveCountAsync(0);
            await visit.ScreenshotAsync($"cookies-all-services-{width}");

            var results = await visit.Page.RunAxe();

            Assert.True(results.Violations.Length == 0, $"{width}px: " + string.Join("; ", results.Violations.Select(v => $"{v.Id}: {v.Help}")));
        }
    }

    [BrowserFact]
    public async Task The_banner_shifts_no_content_on_the_page()
    {
        await using var visit = await browser.VisitAsync();
        await visit.Page.AddInitScriptAsync("window.__shift = 0; window.__shifts = []; new PerformanceObserver(l => l.getEntries().forEach(e => { if (!e.hadRecentInput) { window.__shift += e.value; window.__shifts.push({ value: e.value, at: e.startTime, moved: e.sources.map(x => (x.node ? x.node.nodeName + '.' + x.node.className : '?') + ' ' + JSON.stringify(x.previousRect) + ' -> ' + JSON.stringify(x.currentRect)) }); } })).observe({ type: 'layout-shift', buffered: true });");
        await visit.Page.GotoAsync("/", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await visit.Page.WaitForTimeoutAsync(500);

        // On failure, which elements moved and where from, so that a rare shift can be traced.
        var shifts = await visit.Page.EvaluateAsync<string>("() => JSON.stringify(window.__shifts)");
        Assert.True(await visit.Page.EvaluateAsync<double>("() => window.__shift") == 0, $"layout shifts: {shifts}");
        await Assertions.Expect(visit.Page.Locator("section.consent-banner")).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task Video_laden_plays_the_video_from_youtube_nocookie_without_a_lasting_choice()
    {
        await using var visit = await browser.VisitAsync();
        await visit.Page.GotoAsync("/over-ons");
        Assert.DoesNotContain(visit.ThirdPartyRequests, url => url.Contains("youtube", StringComparison.Ordinal));

        // Listening before the click: on a fast machine the new page asks for the video before a wait set up after it.
        await visit.Page.RunAndWaitForRequestAsync(
            () => visit.Page.GetByRole(AriaRole.Link, new() { Name = "Video laden" }).ClickAsync(),
            r => r.Url.StartsWith("https://www.youtube-nocookie.com/embed/abcdefghijk", StringComparison.Ordinal));
        Assert.DoesNotContain("io.consent", await visit.CookieNamesAsync());
    }
}
