using System.Net;
using Interoffice.Web.Features.Consent;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Interoffice.Web.Tests.Consent;

/// <summary>Signals, withdrawal, proof and the cookie statement: what follows from a choice.</summary>
public sealed class ConsentChoiceTests(ConsentGatingTests.AllServices site) : IClassFixture<ConsentGatingTests.AllServices>
{
    [Fact]
    public async Task Global_Privacy_Control_refuses_tracking_and_advertising_and_the_banner_says_so()
    {
        using var visitor = Visitor.Of(site);
        visitor.Headers["Sec-GPC"] = "1";

        var document = await visitor.PageAsync("/");

        Assert.Contains("Global Privacy Control", document.QuerySelector("section.consent-banner")?.TextContent, StringComparison.Ordinal);
        var dialog = document.QuerySelector("dialog#consent-dialog")!;
        Assert.Contains("Global Privacy Control", dialog.QuerySelector("#banner-tracking-info")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Global Privacy Control", dialog.QuerySelector("#banner-advertising-info")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Global Privacy Control", dialog.QuerySelector("#banner-analytics-info")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_explicit_choice_wins_over_Global_Privacy_Control()
    {
        using var visitor = Visitor.Of(site);
        visitor.Headers["Sec-GPC"] = "1";
        using var _ = await visitor.ChooseAsync("alles");

        var html = (await visitor.PageAsync("/")).DocumentElement.OuterHtml;

        Assert.Contains("fbq('init','5000000000000001')", html, StringComparison.Ordinal);
        Assert.Contains("_linkedin_partner_id", html, StringComparison.Ordinal);
        var record = await LatestRecordAsync();
        Assert.True(record.GlobalPrivacyControl);
        Assert.True(record.Advertising);
    }

    [Fact]
    public async Task With_only_tracking_and_advertising_offered_a_GPC_browser_is_not_asked()
    {
        await using var adsOnly = new SiteFactory().With("Consent:Services:MetaPixel:Id", "5000000000000001");
        using var visitor = Visitor.Of(adsOnly);
        Assert.NotNull((await visitor.PageAsync("/")).QuerySelector("section.consent-banner"));

        visitor.Headers["Sec-GPC"] = "1";
        var document = await visitor.PageAsync("/");

        Assert.Null(document.QuerySelector("section.consent-banner"));
        Assert.DoesNotContain("fbq(", document.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_choice_adds_one_record_of_proof_without_an_ip_address()
    {
        using var visitor = Visitor.Of(site);
        visitor.Headers["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Firefox/140.0";
        visitor.Headers["X-Forwarded-For"] = "203.0.113.9";

        using var first = await visitor.ChooseAsync("selectie", ["analytics", "social"]);
        using var second = await visitor.ChooseAsync("niets");

        var consentId = ConsentIdOnStatementPage(await visitor.PageAsync("/cookies"));
        var records = await RecordsAsync(consentId);
        Assert.Equal(2, records.Count);
        Assert.Equal(ConsentMethod.Settings, records[0].Method);
        Assert.Equal((true, false, true, false), (records[0].Analytics, records[0].Tracking, records[0].Social, records[0].Advertising));
        Assert.Equal(ConsentMethod.RejectAll, records[1].Method);
        Assert.Equal((false, false, false, false), (records[1].Analytics, records[1].Tracking, records[1].Social, records[1].Advertising));
        Assert.All(records, r => Assert.Equal("Firefox", r.BrowserFamily));
        Assert.All(records, r => Assert.Equal(site.Services.GetRequiredService<ConsentPolicyProvider>().Version, r.PolicyVersion));
        Assert.True(records[0].RecordedAt <= records[1].RecordedAt);
        await using var scope = site.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Database
            .SqlQueryRaw<string>("SELECT BrowserFamily || ConsentId || PolicyVersion AS Value FROM ConsentRecords").ToListAsync();
        Assert.DoesNotContain(stored, s => s.Contains("203.0.113.9", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_category_not_offered_is_recorded_as_neither_granted_nor_refused()
    {
        await using var analyticsOnly = new SiteFactory().With("Consent:Services:GoogleAnalytics:Id", "G-TEST123456");
        using var visitor = Visitor.Of(analyticsOnly);
        using var _ = await visitor.ChooseAsync("alles");

        await using var scope = analyticsOnly.Services.CreateAsyncScope();
        var record = await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Set<ConsentRecord>().SingleAsync();
        Assert.Equal((true, (bool?)null, (bool?)null, (bool?)null), (record.Analytics, record.Tracking, record.Social, record.Advertising));
    }

    [Fact]
    public async Task Withdrawing_analytics_removes_its_markup_and_expires_its_cookies_on_the_host_and_parent_domain()
    {
        using var visitor = Visitor.Of(site);
        using var granted = await visitor.ChooseAsync("selectie", ["analytics", "social"]);
        var site_ = new Uri("https://www.interoffice.nl");
        visitor.Cookies.Add(site_, new Cookie("_ga", "GA1.1.123.456", "/", "interoffice.nl"));
        visitor.Cookies.Add(site_, new Cookie("_ga_TEST123456", "GS1.1.1", "/", "interoffice.nl"));
        visitor.Cookies.Add(site_, new Cookie("_gid", "GA1.1.789", "/", "www.interoffice.nl"));

        using var withdrawn = await visitor.ChooseAsync("selectie", ["social"]);

        var setCookies = withdrawn.Headers.GetValues("Set-Cookie").ToList();
        foreach (var name in new[] { "_ga", "_ga_TEST123456", "_gid" })
        {
            Assert.Contains(setCookies, c => c.StartsWith(name + "=;", StringComparison.Ordinal) && c.Contains("max-age=0", StringComparison.Ordinal) && c.EndsWith("domain=interoffice.nl", StringComparison.Ordinal));
            Assert.Contains(setCookies, c => c.StartsWith(name + "=;", StringComparison.Ordinal) && !c.Contains("domain=", StringComparison.Ordinal));
            Assert.Null(visitor.CookieValue(name));
        }

        Assert.DoesNotContain(setCookies, c => c.StartsWith("_fbp=", StringComparison.Ordinal));
        var html = (await visitor.PageAsync("/")).DocumentElement.OuterHtml;
        Assert.DoesNotContain("gtag/js?id=G-TEST123456", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_choice_expires_each_cookie_it_refuses_once_and_keeps_those_it_grants()
    {
        using var visitor = Visitor.Of(site);
        visitor.Headers["Cookie"] = "_ga=GA1.1.1; _hjSession_1=x; _fbp=fb.1.2.3";
        visitor.Headers["Sec-Fetch-Site"] = "same-origin";
        using var form = new FormUrlEncodedContent([new("Choice", "selectie"), new("Category", "advertising"), new("ReturnUrl", "/")]);

        using var response = await visitor.SendAsync(HttpMethod.Post, "/cookies/keuze", form);

        var expiries = response.Headers.GetValues("Set-Cookie").Where(c => c.Contains("max-age=0", StringComparison.Ordinal)).ToList();
        Assert.Equal(expiries.Distinct(StringComparer.Ordinal).Count(), expiries.Count);
        foreach (var name in new[] { "_ga", "_hjSession_1" })
        {
            Assert.Equal(3, expiries.Count(c => c.StartsWith(name + "=;", StringComparison.Ordinal)));
        }

        Assert.DoesNotContain(expiries, c => c.StartsWith("_fbp=", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/cookies/keuze", "cross-site", HttpStatusCode.Forbidden)]
    [InlineData("/contact", "same-origin", HttpStatusCode.BadRequest)]
    public async Task A_refused_post_still_expires_the_cookies_of_refused_categories_once(string path, string fetchSite, HttpStatusCode status)
    {
        using var visitor = Visitor.Of(site);
        visitor.Headers["Cookie"] = "_ga=GA1.1.1; _hjSession_1=x";
        visitor.Headers["Sec-Fetch-Site"] = fetchSite;
        using var form = new FormUrlEncodedContent([new("Choice", "alles"), new("ReturnUrl", "/")]);

        using var response = await visitor.SendAsync(HttpMethod.Post, path, form);

        Assert.Equal(status, response.StatusCode);
        var expiries = response.Headers.GetValues("Set-Cookie").Where(c => c.Contains("max-age=0", StringComparison.Ordinal)).ToList();
        Assert.Equal(expiries.Distinct(StringComparer.Ordinal).Count(), expiries.Count);
        foreach (var name in new[] { "_ga", "_hjSession_1" })
        {
            Assert.Equal(3, expiries.Count(c => c.StartsWith(name + "=;", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task Cookies_a_script_sets_again_after_a_refusal_are_expired_on_the_next_request()
    {
        using var visitor = Visitor.Of(site);
        using var _ = await visitor.ChooseAsync("niets");
        visitor.Cookies.Add(new Uri("https://www.interoffice.nl"), new Cookie("_ga_RETURNED", "GS1.1.1", "/", "interoffice.nl"));
        visitor.Cookies.Add(new Uri("https://www.interoffice.nl"), new Cookie("_fbp", "fb.1.2.3", "/", "interoffice.nl"));

        var (response, _) = await visitor.GetAsync("/diensten");

        var setCookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(setCookies, c => c.StartsWith("_ga_RETURNED=;", StringComparison.Ordinal));
        Assert.Contains(setCookies, c => c.StartsWith("_fbp=;", StringComparison.Ordinal));
        Assert.Null(visitor.CookieValue("_ga_RETURNED"));
        Assert.Null(visitor.CookieValue("_fbp"));
    }

    [Fact]
    public async Task A_new_cookie_policy_revision_asks_every_visitor_again()
    {
        using var visitor = Visitor.Of(site);
        using var _ = await visitor.ChooseAsync("alles");
        var cookie = visitor.CookieValue(ConsentCookie.Name)!;

        // A second instance on the same database (so the same keys), deployed with a new revision.
        await using var revised = new ConsentGatingTests.AllServices { DatabasePath = site.DatabasePath, Clock = site.Clock }.With("Consent:Revision", "2");
        using var returning = Visitor.Of(revised);
        returning.Cookies.Add(new Uri("https://www.interoffice.nl"), new Cookie(ConsentCookie.Name, cookie));
        var document = await returning.PageAsync("/");

        Assert.NotNull(document.QuerySelector("section.consent-banner"));
        Assert.DoesNotContain("gtag/js?id=G-TEST123456", document.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_cookie_is_accepted_by_another_instance_of_the_same_policy()
    {
        using var visitor = Visitor.Of(site);
        using var _ = await visitor.ChooseAsync("selectie", ["analytics"]);

        await using var other = new ConsentGatingTests.AllServices { DatabasePath = site.DatabasePath, Clock = site.Clock };
        using var returning = Visitor.Of(other);
        returning.Cookies.Add(new Uri("https://www.interoffice.nl"), new Cookie(ConsentCookie.Name, visitor.CookieValue(ConsentCookie.Name)));
        var document = await returning.PageAsync("/");

        Assert.Null(document.QuerySelector("section.consent-banner"));
        Assert.Contains("gtag/js?id=G-TEST123456", document.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cookie_statement_lists_every_cookie_of_the_enabled_services_from_the_registry()
    {
        using var visitor = Visitor.Of(site);
        var document = await visitor.PageAsync("/cookies");
        var text = document.Body!.TextContent;

        foreach (var service in ServiceRegistry.All)
        {
            Assert.NotNull(document.QuerySelector($"a[href='{service.PrivacyPolicy}']"));
            foreach (var cookie in service.Cookies)
            {
                var row = document.QuerySelectorAll("table.cookie-table tr").FirstOrDefault(r => r.QuerySelector("code")?.TextContent == cookie.Name);
                Assert.True(row is not null, $"{cookie.Name} of {service.Name} is not listed");
                Assert.Contains(cookie.Lifetime, row.TextContent, StringComparison.Ordinal);
                Assert.Contains(service.Category.Info().Label, row.TextContent, StringComparison.Ordinal);
            }
        }

        Assert.Contains(ConsentCookie.Name, text, StringComparison.Ordinal);
        Assert.Contains("U heeft nog geen keuze gemaakt", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cookie_statement_shows_the_visitors_choice_and_consent_id_and_lets_them_withdraw()
    {
        using var visitor = Visitor.Of(site);
        using var _ = await visitor.ChooseAsync("selectie", ["analytics", "advertising"]);

        var document = await visitor.PageAsync("/cookies");
        var consentId = ConsentIdOnStatementPage(document);

        Assert.True(Guid.TryParse(consentId, out var _));
        Assert.Contains("Analytisch, Advertenties", document.QuerySelector("dl.consent-current")!.TextContent, StringComparison.Ordinal);
        Assert.True(document.QuerySelector("#instellingen-analytics")!.HasAttribute("checked"));
        Assert.False(document.QuerySelector("#instellingen-social")!.HasAttribute("checked"));
        Assert.NotNull(document.QuerySelector("form[action='/cookies/keuze'] button[value=niets]"));
        Assert.Single(await RecordsAsync(consentId));
    }

    [Fact]
    public async Task With_no_service_enabled_there_is_nothing_to_consent_to_and_no_banner()
    {
        await using var plain = new SiteFactory();
        using var visitor = Visitor.Of(plain);

        var home = await visitor.PageAsync("/");
        var statement = await visitor.PageAsync("/cookies");

        Assert.Null(home.QuerySelector("section.consent-banner"));
        Assert.DoesNotContain("gtag(", home.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Contains("niets in te stellen", statement.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retention_deletes_exactly_the_records_past_their_period()
    {
        await using var fresh = new ConsentGatingTests.AllServices();
        using var _ = fresh.CreateClient();
        var now = new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);
        await using var scope = fresh.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        var previous = ConsentChain.Genesis;
        foreach (var (id, at) in new[] { ("oud", now.AddMonths(-24).AddDays(-1)), ("grens", now.AddMonths(-24).AddHours(1)), ("nieuw", now.AddDays(-1)) })
        {
            var record = new ConsentRecord { ConsentId = id, RecordedAt = at.UtcDateTime, PolicyVersion = "1", BrowserFamily = "Chrome" };
            ConsentChain.Seal(record, previous);
            previous = record.Hash!;
            db.Add(record);
        }

        await db.SaveChangesAsync();
        var log = scope.ServiceProvider.GetRequiredService<ConsentLog>();

        var deleted = await log.DeleteExpiredAsync(now, CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.Equal(["grens", "nieuw"], await db.Set<ConsentRecord>().AsNoTracking().Select(r => r.ConsentId).OrderBy(i => i).ToListAsync());
    }

    private static string ConsentIdOnStatementPage(AngleSharp.Dom.IDocument document) =>
        document.QuerySelector("dl.consent-current code")?.TextContent ?? throw new InvalidOperationException("no consent id shown");

    private async Task<List<ConsentRecord>> RecordsAsync(string consentId)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Set<ConsentRecord>()
            .Where(r => r.ConsentId == consentId).OrderBy(r => r.Id).ToListAsync();
    }

    private async Task<ConsentRecord> LatestRecordAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Set<ConsentRecord>().OrderByDescending(r => r.Id).FirstAsync();
    }
}
