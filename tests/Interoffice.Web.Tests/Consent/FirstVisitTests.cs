using System.Net;
using Interoffice.Web.Features.Consent;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Interoffice.Web.Tests.Consent;

/// <summary>
/// What a regulator's scanner and a first-time visitor's browser see: no cookie before a choice, pages the browser
/// may keep, consent forms protected from other sites by the browser's own signals, and static files that carry nothing.
/// </summary>
public sealed class FirstVisitTests(ConsentGatingTests.AllServices site) : IClassFixture<ConsentGatingTests.AllServices>
{
    public static TheoryData<string> PagesWithoutForms => [.. PublicPages.Paths.Where(p => p != "/contact"), "/privacyverklaring/versies", "/bestaat-niet"];

    [Theory]
    [MemberData(nameof(PagesWithoutForms))]
    public async Task A_first_visit_sets_no_cookie_and_the_browser_may_keep_the_page(string path)
    {
        using var client = site.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://www.interoffice.nl") });

        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.False(response.Headers.Contains("Set-Cookie"), $"{path}: {string.Join(" | ", response.Headers.TryGetValues("Set-Cookie", out var c) ? c : [])}");
        var cacheControl = response.Headers.CacheControl;
        Assert.NotNull(cacheControl);
        Assert.True(cacheControl.Private && cacheControl.NoCache && !cacheControl.NoStore, $"{path}: Cache-Control {cacheControl}");
        Assert.DoesNotContain("__RequestVerificationToken", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_contact_form_keeps_its_token_and_with_it_the_only_cookie_of_a_first_visit()
    {
        using var client = site.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://www.interoffice.nl") });

        using var response = await client.GetAsync("/contact");

        Assert.Equal(["io.af"], response.Headers.GetValues("Set-Cookie").Select(c => c.Split('=')[0]));
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    public static TheoryData<string?, string?, string?> CrossSite => new()
    {
        { "cross-site", "https://evil.example", null },
        { "cross-site", null, null },
        { "same-site", "https://winkel.interoffice.nl", null },
        { null, "https://evil.example", null },
        { null, "null", null },
        { "same-site", "http://www.interoffice.nl", null },
        { null, "https://www.interoffice.nl:8443", null },
        { null, null, "https://evil.example/pagina" },
        { null, "https://evil.example", "https://www.interoffice.nl/cookies" },
        { null, null, null },
    };

    [Theory]
    [MemberData(nameof(CrossSite))]
    public async Task A_cookie_choice_posted_from_another_site_or_without_any_browser_signal_is_refused_and_changes_nothing(string? fetchSite, string? origin, string? referer)
    {
        using var visitor = Visitor.Of(site);
        Signals(visitor, fetchSite, origin, referer);

        var before = await RecordCountAsync();
        using var form = new FormUrlEncodedContent([new("Choice", "alles"), new("ReturnUrl", "/")]);
        using var response = await visitor.SendAsync(HttpMethod.Post, "/cookies/keuze", form);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Deze cookiekeuze kwam niet van onze eigen website en is daarom niet opgeslagen.", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Equal(before, await RecordCountAsync());
    }

    public static TheoryData<string?, string?, string?> SameSite => new()
    {
        { "same-origin", "https://www.interoffice.nl", null },
        { "same-site", "https://www.interoffice.nl", null },
        { null, "https://www.interoffice.nl", null },
        { null, "https://WWW.interoffice.nl:443", null },
        { null, null, "https://www.interoffice.nl/diensten?video=1" },
    };

    [Theory]
    [MemberData(nameof(SameSite))]
    public async Task A_cookie_choice_from_the_sites_own_form_is_recorded_without_a_token(string? fetchSite, string? origin, string? referer)
    {
        using var visitor = Visitor.Of(site);
        Signals(visitor, fetchSite, origin, referer);

        using var form = new FormUrlEncodedContent([new("Choice", "niets"), new("ReturnUrl", "/diensten")]);
        using var response = await visitor.SendAsync(HttpMethod.Post, "/cookies/keuze", form);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.NotNull(visitor.CookieValue(ConsentCookie.Name));
    }

    [Fact]
    public async Task A_static_file_carries_no_cookie_and_no_page_headers_even_with_refused_cookies_in_the_request()
    {
        using var visitor = Visitor.Of(site);
        var stylesheet = (await visitor.PageAsync("/")).QuerySelector("link[rel=stylesheet][href^='/css/site']")!.GetAttribute("href")!;
        visitor.Headers["Cookie"] = "_ga=GA1.1.1; _fbp=fb.1.2; _hjSession_1=x";

        using var response = await visitor.SendAsync(HttpMethod.Get, stylesheet);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());

        // The same cookies on a page are expired there, as before; the page is logged, the stylesheet is not.
        using var page = await visitor.SendAsync(HttpMethod.Get, "/diensten");
        Assert.Contains(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith("_ga=;", StringComparison.Ordinal));
        static bool Logged(Serilog.Events.LogEvent e, string part) => e.Properties.TryGetValue("RequestPath", out var p) && p.ToString().Contains(part, StringComparison.Ordinal);
        await Eventually.TrueAsync(() => site.LogEvents.Any(e => Logged(e, "/diensten")), "the page's request is logged");
        Assert.DoesNotContain(site.LogEvents, e => Logged(e, "/css/"));
    }

    [Fact]
    public async Task Only_a_page_with_a_consented_video_lets_the_player_go_full_screen()
    {
        using var visitor = Visitor.Of(site);
        using var placeholder = await visitor.SendAsync(HttpMethod.Get, "/over-ons");
        Assert.Contains("fullscreen=(self),", placeholder.Headers.GetValues("Permissions-Policy").Single(), StringComparison.Ordinal);

        using var _ = await visitor.ChooseAsync("selectie", ["social"]);
        using var video = await visitor.SendAsync(HttpMethod.Get, "/over-ons");
        var policy = video.Headers.GetValues("Permissions-Policy").Single();
        Assert.Contains("fullscreen=(self \"https://www.youtube-nocookie.com\")", policy, StringComparison.Ordinal);
        Assert.Contains("encrypted-media=(\"https://www.youtube-nocookie.com\")", policy, StringComparison.Ordinal);
        Assert.Contains("allow=\"fullscreen;", await video.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var otherPage = await visitor.SendAsync(HttpMethod.Get, "/diensten");
        Assert.Contains("fullscreen=(self),", otherPage.Headers.GetValues("Permissions-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_staff_sign_in_cookie_is_sent_to_the_staff_area_only()
    {
        await Support.Staff.CreateAsync(site, "sanne@interoffice.nl");
        using var staff = Visitor.Of(site);

        using var signedIn = await Support.Staff.SignInAsync(staff, "sanne@interoffice.nl");

        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("io.staff=", StringComparison.Ordinal));
        Assert.Contains("path=/beheer;", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(staff.Cookies.GetCookies(new Uri("https://www.interoffice.nl/beheer/berichten")), c => c.Name == "io.staff");
        Assert.DoesNotContain(staff.Cookies.GetCookies(new Uri("https://www.interoffice.nl/diensten")), c => c.Name == "io.staff");
    }

    private async Task<int> RecordCountAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Set<ConsentRecord>().CountAsync();
    }

    /// <summary>The signals a browser sends with a post, as far as the test gives them (an older browser sends fewer).</summary>
    private static void Signals(Visitor visitor, string? fetchSite, string? origin, string? referer)
    {
        foreach (var (name, value) in new[] { ("Sec-Fetch-Site", fetchSite), ("Origin", origin), ("Referer", referer) })
        {
            if (value is not null)
            {
                visitor.Headers[name] = value;
            }
        }
    }
}
