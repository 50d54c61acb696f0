using System.Net;
using Interoffice.Web.Features.Consent;
using Interoffice.Web.Tests.Support;

namespace Interoffice.Web.Tests.Consent;

/// <summary>What reaches the page and the Content-Security-Policy, per category, as the visitor chooses.</summary>
public sealed class ConsentGatingTests(ConsentGatingTests.AllServices site) : IClassFixture<ConsentGatingTests.AllServices>
{
    public sealed class AllServices : SiteFactory
    {
        public AllServices() => WithAllServices();
    }

    // Per service: its category, a piece of its markup, and a host only it opens in the CSP.
    public static TheoryData<string, string, string, string> Services => new()
    {
        { "analytics", ServiceRegistry.GoogleAnalytics, "gtag/js?id=G-TEST123456", "https://*.google-analytics.com" },
        { "analytics", ServiceRegistry.Hotjar, "hjid:3000001", "https://static.hotjar.com" },
        { "tracking", ServiceRegistry.LinkedInInsight, "_linkedin_partner_id=\"6000001\"", "https://snap.licdn.com" },
        { "advertising", ServiceRegistry.GoogleAds, "gtag/js?id=AW-4000000001", "https://www.googleadservices.com" },
        { "advertising", ServiceRegistry.MetaPixel, "fbq('init','5000000000000001')", "https://connect.facebook.net" },
    };

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Without_a_choice_no_service_markup_or_host_reaches_the_page(string category, string service, string markup, string host)
    {
        _ = (category, service);
        using var visitor = Visitor.Of(site);
        var (response, document) = await visitor.GetAsync("/");

        Assert.DoesNotContain(markup, document.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(host, Csp(response), StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("section.consent-banner"));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task A_service_reaches_the_page_and_the_policy_exactly_when_its_category_is_consented(string category, string service, string markup, string host)
    {
        _ = service;
        foreach (var granted in ConsentCategories.Optional.Select(c => c.Key()))
        {
            using var visitor = Visitor.Of(site);
            using var choice = await visitor.ChooseAsync("selectie", [granted]);
            Assert.Equal(HttpStatusCode.SeeOther, choice.StatusCode);

            var (response, document) = await visitor.GetAsync("/diensten");
            var html = document.DocumentElement.OuterHtml;
            var expected = granted == category;
            Assert.Equal(expected, html.Contains(markup, StringComparison.Ordinal));
            Assert.Equal(expected, Csp(response).Contains(host, StringComparison.Ordinal));
            Assert.Null(document.QuerySelector("section.consent-banner"));
        }
    }

    [Fact]
    public async Task Every_inline_script_on_the_page_is_allowed_by_its_hash_and_no_other_is()
    {
        using var visitor = Visitor.Of(site);
        using var _ = await visitor.ChooseAsync("alles");
        var (response, document) = await visitor.GetAsync("/");
        var allowed = System.Text.RegularExpressions.Regex.Matches(Csp(response), "'sha256-([^']+)'").Select(m => m.Groups[1].Value).ToHashSet();

        var inline = document.QuerySelectorAll("script:not([src])").Select(s => s.TextContent).ToList();
        Assert.True(inline.Count >= 5, $"only {inline.Count} inline scripts");
        Assert.Equal(inline.Select(Sha256).ToHashSet(), allowed);
        Assert.DoesNotContain("'nonce-", Csp(response), StringComparison.Ordinal);
    }

    private static string Sha256(string script) =>
        Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(script)));

    [Fact]
    public async Task Consent_mode_defaults_come_before_any_Google_tag_and_follow_the_choice()
    {
        using var visitor = Visitor.Of(site);
        var before = await visitor.PageAsync("/");
        var head = before.Head!.InnerHtml;
        Assert.Contains("gtag('consent','default',{ad_storage:'denied',ad_user_data:'denied',ad_personalization:'denied',analytics_storage:'denied'})", head, StringComparison.Ordinal);

        using var _ = await visitor.ChooseAsync("selectie", ["analytics"]);
        var after = (await visitor.PageAsync("/")).Head!.InnerHtml;
        var defaults = after.IndexOf("gtag('consent','default',{ad_storage:'denied',ad_user_data:'denied',ad_personalization:'denied',analytics_storage:'granted'})", StringComparison.Ordinal);
        Assert.True(defaults >= 0, "analytics is granted in the defaults");
        Assert.True(defaults < after.IndexOf("googletagmanager.com/gtag/js", StringComparison.Ordinal), "the defaults come before the Google tag");
    }

    [Fact]
    public async Task The_script_gets_the_consent_mode_update_and_is_told_to_reload_for_new_services()
    {
        using var visitor = Visitor.Of(site);
        using var response = await visitor.ChooseAsync("alles", accept: "application/json");
        var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(json.GetProperty("reload").GetBoolean());
        Assert.Equal("granted", json.GetProperty("consentMode").GetProperty("ad_personalization").GetString());
        Assert.Equal(["advertising", "analytics", "social", "tracking"], json.GetProperty("granted").EnumerateArray().Select(e => e.GetString()).Order());

        using var reject = await Visitor.Of(site).ChooseAsync("niets", accept: "application/json");
        var rejected = System.Text.Json.JsonDocument.Parse(await reject.Content.ReadAsStringAsync()).RootElement;
        Assert.False(rejected.GetProperty("reload").GetBoolean());
        Assert.Equal("denied", rejected.GetProperty("consentMode").GetProperty("analytics_storage").GetString());
    }

    [Fact]
    public async Task The_banner_offers_accept_reject_and_settings_alike_and_leaves_the_page_usable()
    {
        using var visitor = Visitor.Of(site);
        var document = await visitor.PageAsync("/diensten");
        var banner = document.QuerySelector("section.consent-banner")!;

        var controls = banner.QuerySelectorAll(".consent-actions button, .consent-actions a").ToList();
        Assert.Equal(["Alles accepteren", "Alles weigeren", "Instellingen"], controls.Select(c => c.TextContent.Trim()));
        Assert.Single(controls.Select(c => c.GetAttribute("class")).Distinct());
        Assert.Equal("/cookies#instellingen", controls[2].GetAttribute("href"));
        Assert.NotNull(banner.QuerySelector("a[href='/cookies']"));
        Assert.NotNull(document.QuerySelector("main h1"));
        Assert.Equal("consent-title", banner.GetAttribute("aria-labelledby"));
    }

    [Fact]
    public async Task The_settings_list_every_offered_category_unchecked_with_its_services()
    {
        using var visitor = Visitor.Of(site);
        var dialog = (await visitor.PageAsync("/")).QuerySelector("dialog#consent-dialog")!;

        var boxes = dialog.QuerySelectorAll("input[name=Category]").ToList();
        Assert.Equal(["analytics", "tracking", "social", "advertising"], boxes.Select(b => b.GetAttribute("value")));
        Assert.All(boxes, b => Assert.False(b.HasAttribute("checked")));
        Assert.Contains("Google Analytics (Google Ireland Ltd.)", dialog.TextContent, StringComparison.Ordinal);
        Assert.Contains("Meta Pixel", dialog.TextContent, StringComparison.Ordinal);
        var functional = dialog.QuerySelector("#banner-functional")!;
        Assert.True(functional.HasAttribute("checked") && functional.HasAttribute("disabled"));
        Assert.Equal("Keuze opslaan", dialog.QuerySelector("button[value=selectie]")?.TextContent);
    }

    [Fact]
    public async Task Once_a_choice_exists_no_banner_is_rendered_at_all()
    {
        using var visitor = Visitor.Of(site);
        using var _ = await visitor.ChooseAsync("niets");

        foreach (var path in PublicPages.Paths)
        {
            var html = (await visitor.PageAsync(path)).DocumentElement.OuterHtml;
            Assert.DoesNotContain("consent-banner", html, StringComparison.Ordinal);
            Assert.DoesNotContain("consent.js", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_tampered_consent_cookie_shows_the_banner_again_without_an_error()
    {
        using var visitor = Visitor.Of(site);
        using var _ = await visitor.ChooseAsync("alles");
        var value = visitor.CookieValue(ConsentCookie.Name)!;
        visitor.Cookies.Add(new Uri("https://www.interoffice.nl"), new Cookie(ConsentCookie.Name, value[..^4] + "AAAA"));

        var (response, document) = await visitor.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(document.QuerySelector("section.consent-banner"));
        Assert.DoesNotContain("G-TEST123456'", document.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("")]
    public async Task A_return_address_off_the_site_goes_home(string returnUrl)
    {
        using var visitor = Visitor.Of(site);
        using var response = await visitor.ChooseAsync("niets", returnUrl: returnUrl);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_return_address_on_the_site_is_followed()
    {
        using var visitor = Visitor.Of(site);
        using var response = await visitor.ChooseAsync("niets", returnUrl: "/over-ons#video");

        Assert.Equal("/over-ons#video", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/contact?email=iemand%40example.nl#formulier", "/contact#formulier")]
    [InlineData("/contact/iemand@example.nl", "/")]
    [InlineData("/contact/bedankt/IO-ABCD1234", "/")]
    [InlineData("/bel/06-12345678", "/")]
    [InlineData("/bel/0597/123456", "/")]
    [InlineData("/contact/iemand%252540example.nl", "/")]
    [InlineData("/caf\u00e9", "/caf%C3%A9")]
    [InlineData("/caf%C3%A9#bovenaan", "/caf%C3%A9#bovenaan")]
    public async Task A_return_address_goes_back_by_its_path_and_never_repeats_personal_data(string returnUrl, string location)
    {
        using var visitor = Visitor.Of(site);
        using var response = await visitor.ChooseAsync("niets", returnUrl: returnUrl);

        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_unknown_choice_is_refused_and_changes_nothing()
    {
        using var visitor = Visitor.Of(site);
        using var response = await visitor.ChooseAsync("alles-behalve");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(visitor.CookieValue(ConsentCookie.Name));
    }

    private static string Csp(HttpResponseMessage response) =>
        string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
}
