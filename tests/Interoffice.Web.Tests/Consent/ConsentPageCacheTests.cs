using Interoffice.Web.Tests.Support;

namespace Interoffice.Web.Tests.Consent;

/// <summary>
/// The server keeps a public page for visitors in the same consent state, and only for them: what a visitor sees
/// is what they would see without the cache (an <c>Age</c> header says a page came from it).
/// </summary>
public sealed partial class ConsentPageCacheTests
{
    [Fact]
    public async Task Visitors_in_the_same_consent_state_get_the_same_page_from_the_cache_and_others_their_own()
    {
        await using var site = new SiteFactory().WithAllServices();
        using var first = Visitor.Of(site);
        using var second = Visitor.Of(site);
        using var firstPage = await first.SendAsync(HttpMethod.Get, "/diensten");
        using var secondPage = await second.SendAsync(HttpMethod.Get, "/diensten");

        Assert.Null(firstPage.Headers.Age);
        Assert.NotNull(secondPage.Headers.Age);
        // The same page but for what is meant to differ per view: the form stamp, spliced in after the cache.
        var (firstBody, secondBody) = (await firstPage.Content.ReadAsStringAsync(), await secondPage.Content.ReadAsStringAsync());
        Assert.Matches(FormStamp(), secondBody);
        Assert.Equal(FormStamp().Replace(firstBody, "name=\"Start\" value=\"…\""), FormStamp().Replace(secondBody, "name=\"Start\" value=\"…\""));
        Assert.Equal(Header(firstPage, "Content-Security-Policy"), Header(secondPage, "Content-Security-Policy"));
        Assert.True(secondPage.Headers.CacheControl is { Private: true, NoCache: true, NoStore: false });

        // Accepting everything: the page with every service, from the cache for the next visitor who did the same.
        using var a = await first.ChooseAsync("alles");
        using var b = await second.ChooseAsync("alles");
        using var firstAccepted = await first.SendAsync(HttpMethod.Get, "/diensten");
        using var secondAccepted = await second.SendAsync(HttpMethod.Get, "/diensten");
        Assert.Null(firstAccepted.Headers.Age);
        Assert.NotNull(secondAccepted.Headers.Age);
        var accepted = await secondAccepted.Content.ReadAsStringAsync();
        Assert.Contains("gtag/js?id=G-TEST123456", accepted, StringComparison.Ordinal);
        Assert.DoesNotContain("consent-banner", accepted, StringComparison.Ordinal);
        Assert.Contains("'sha256-", Header(secondAccepted, "Content-Security-Policy"), StringComparison.Ordinal);

        // A page that runs third-party scripts is kept by no cache of the browser (Back after a withdrawal must not revive them).
        Assert.True(secondAccepted.Headers.CacheControl?.NoStore);
        Assert.Contains("https://www.googletagmanager.com", Header(secondAccepted, "Content-Security-Policy"), StringComparison.Ordinal);

        // A third visitor, who has not chosen and whose browser sends GPC, gets the banner with the GPC sentence.
        using var third = Visitor.Of(site);
        third.Headers["Sec-GPC"] = "1";
        var withSignal = await (await third.SendAsync(HttpMethod.Get, "/diensten")).Content.ReadAsStringAsync();
        Assert.Contains("Global Privacy Control", withSignal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_banner_kept_in_memory_returns_to_its_own_page_and_answers_the_visitors_own_signal()
    {
        // Pages rendered every time (the contact form carries a token) take the banner from memory, made once per page and state.
        await using var site = new SiteFactory().WithAllServices();
        using var plain = Visitor.Of(site);
        using var signalling = Visitor.Of(site);
        signalling.Headers["Sec-GPC"] = "1";

        foreach (var path in new[] { "/contact", "/contact/bedankt", "/contact", "/contact/bedankt" })
        {
            var page = await plain.PageAsync(path);
            var returns = page.QuerySelectorAll("[data-consent-banner] input[name=ReturnUrl]").Select(i => i.GetAttribute("value")).ToList();
            Assert.Equal(3, returns.Count);
            Assert.All(returns, back => Assert.Equal(path, back));
            Assert.DoesNotContain("Global Privacy Control", page.QuerySelector("#cookiekeuze")!.TextContent, StringComparison.Ordinal);

            var signalled = await signalling.PageAsync(path);
            Assert.Contains("Global Privacy Control", signalled.QuerySelector("#cookiekeuze")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_page_from_the_cache_still_expires_the_cookies_of_refused_categories()
    {
        await using var site = new SiteFactory().WithAllServices();
        using var warm = Visitor.Of(site);
        using var _ = await warm.SendAsync(HttpMethod.Get, "/");
        using var visitor = Visitor.Of(site);
        visitor.Headers["Cookie"] = "_ga=GA1.1.1";

        using var page = await visitor.SendAsync(HttpMethod.Get, "/");

        Assert.NotNull(page.Headers.Age);
        Assert.Contains(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith("_ga=;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_cookie_statement_of_a_visitor_who_chose_is_never_cached_nor_a_consented_video()
    {
        await using var site = new SiteFactory().WithAllServices();
        using var visitor = Visitor.Of(site);
        using var _ = await visitor.ChooseAsync("selectie", ["social"]);

        foreach (var path in new[] { "/cookies", "/over-ons" })
        {
            using var once = await visitor.SendAsync(HttpMethod.Get, path);
            using var again = await visitor.SendAsync(HttpMethod.Get, path);
            Assert.Null(again.Headers.Age);
        }

        var statement = await visitor.PageAsync("/cookies");
        Assert.NotNull(statement.QuerySelector("dl.consent-current code"));
    }

    [System.Text.RegularExpressions.GeneratedRegex("name=\"Start\" value=\"CfDJ8[^\"]+\"")]
    private static partial System.Text.RegularExpressions.Regex FormStamp();

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : "";
}
