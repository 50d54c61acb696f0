using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using AngleSharp.Dom;
using Interoffice.Web.Features.Consent;
using Interoffice.Web.Features.Staff;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Hosting;
using Interoffice.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Interoffice.Web.Tests.Staff;

/// <summary>
/// "Toestemmingen in cijfers" against a consent log with known counts: two ISO weeks (a choice late on Sunday evening
/// UTC is Monday in Amsterdam, so it counts in the second week), two policy versions (one a 64-character hash), GPC,
/// and a category not offered.
/// </summary>
public sealed class ConsentFiguresTests : IAsyncLifetime
{
    private const string Version1 = "1.1.ab12cd34";
    private static readonly string Version2 = Convert.ToHexStringLower(SHA256.HashData("beleid 2"u8));

    private readonly SiteFactory site = new SiteFactory().WithAllServices();
    private readonly Visitor staff;

    // Monday of the week five weeks before this one, in Amsterdam; well inside the consent log's retention.
    private readonly DateOnly mondayA = Monday(DateOnly.FromDateTime(DutchTime.FromUtc(TestTime.Start.UtcDateTime))).AddDays(-35);

    public ConsentFiguresTests() => staff = Visitor.Of(site);

    private DateOnly MondayB => mondayA.AddDays(7);

    private string Period => $"van={mondayA:yyyy-MM-dd}&tot={MondayB.AddDays(6):yyyy-MM-dd}";

    public async Task InitializeAsync()
    {
        await Support.Staff.CreateAsync(site, "fenna@interoffice.nl");
        using var _ = await Support.Staff.SignInAsync(staff, "fenna@interoffice.nl");
        await SeedAsync(
            Record(At(1, 10, 0), Version1, ConsentMethod.AcceptAll, true, true, true, true),
            Record(At(2, 12, 0), Version1, ConsentMethod.RejectAll, false, false, false, false, gpc: true),
            Record(At(3, 9, 0), Version1, ConsentMethod.Settings, true, false, true, null),

            // Sunday 23:30 UTC is Monday 00:30 (winter) or 01:30 (summer) in Amsterdam: the second week.
            Record(At(6, 23, 30), Version1, ConsentMethod.AcceptAll, true, true, true, true),
            Record(At(8, 15, 0), Version2, ConsentMethod.Settings, false, false, true, false, gpc: true),
            Record(At(9, 15, 0), Version2, ConsentMethod.Embed, false, false, true, false),

            // Outside the period: before it, and on the Monday after it in Amsterdam (still Sunday in UTC).
            Record(At(-3, 12, 0), Version1, ConsentMethod.AcceptAll, true, true, true, true),
            Record(At(13, 23, 30), Version2, ConsentMethod.RejectAll, false, false, false, false));
    }

    public async Task DisposeAsync()
    {
        staff.Dispose();
        await site.DisposeAsync();
    }

    [Fact]
    public async Task The_week_table_counts_each_choice_in_its_Amsterdam_week_by_how_it_was_made_with_GPC_beside()
    {
        var page = await staff.PageAsync($"/beheer/toestemmingen/cijfers?{Period}");

        Assert.Equal(
            [
                $"{WeekLabel(mondayA)} | 1 | 1 | 1 | 0 | 3 | 1",
                $"{WeekLabel(MondayB)} | 1 | 0 | 1 | 1 | 3 | 1",
            ],
            Rows(page, "#per-week tbody tr"));
        Assert.Equal(["Totaal | 2 | 1 | 2 | 1 | 6 | 2"], Rows(page, "#per-week tfoot tr"));
        Assert.Equal(["Week", "Alles accepteren", "Alles weigeren", "Eigen keuze", "Altijd toestaan (video)", "Totaal", "Met GPC"], Rows(page, "#per-week thead th").Select(h => h.Trim()));
        Assert.Contains("6 keuzes, waarvan 2 met Global Privacy Control", page.QuerySelector("#samenvatting")!.TextContent.Normalized(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_share_granted_per_category_counts_only_the_choices_in_which_it_was_offered()
    {
        var page = await staff.PageAsync($"/beheer/toestemmingen/cijfers?{Period}");

        Assert.Equal(
            [
                "Analytisch | 6 | 3 | 50%",
                "Tracking | 6 | 2 | 33%",
                "Social media | 6 | 5 | 83%",
                "Advertenties | 5 | 2 | 40%",
            ],
            Rows(page, "#per-categorie tbody tr"));
    }

    [Fact]
    public async Task Each_policy_version_has_its_own_counts_and_shares_and_a_long_version_is_shown_shortened_with_the_whole_in_its_title()
    {
        var page = await staff.PageAsync($"/beheer/toestemmingen/cijfers?{Period}");
        var rows = page.QuerySelectorAll("#per-versie tbody tr");

        Assert.Equal(2, rows.Length);
        Assert.Equal(Version1, rows[0].QuerySelector("code")!.TextContent);
        Assert.Equal(Version2[..12] + "…", rows[1].QuerySelector("code")!.TextContent);
        Assert.Equal(Version2, rows[1].QuerySelector("code")!.GetAttribute("title"));
        var counts = Rows(page, "#per-versie tbody tr").Select(r => string.Join(" | ", r.Split(" | ").Skip(3))).ToList();
        Assert.Equal("2 | 1 | 1 | 0 | 4 | 1 | 75% | 50% | 75% | 67%", counts[0]);
        Assert.Equal("0 | 0 | 1 | 1 | 2 | 1 | 0% | 0% | 100% | 0%", counts[1]);
    }

    [Fact]
    public async Task The_csv_holds_the_counts_and_shares_per_week_and_policy_version_and_the_export_is_in_the_audit_log()
    {
        var (response, page) = await staff.GetAsync($"/beheer/toestemmingen/cijfers?{Period}");
        response.Dispose();
        var link = page.QuerySelectorAll("a").First(a => a.TextContent == "Deze cijfers exporteren als CSV").GetAttribute("href")!;

        var (csvResponse, _) = await staff.GetAsync(link);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        var lines = Encoding.UTF8.GetString(await csvResponse.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(l => string.Join(';', l.Split(';').Select(c => c.Trim('"'))))
            .ToList();

        Assert.Equal(
            "Week;Weekbegin;Beleidsversie;Keuzes;Alles accepteren;Alles weigeren;Eigen keuze;Altijd toestaan (video);Met GPC;"
            + "Analytisch aangeboden;Analytisch toegestaan;Analytisch aandeel;Tracking aangeboden;Tracking toegestaan;Tracking aandeel;"
            + "Social media aangeboden;Social media toegestaan;Social media aandeel;Advertenties aangeboden;Advertenties toegestaan;Advertenties aandeel",
            lines[0]);
        Assert.Equal(
            [
                $"{WeekCode(mondayA)};{mondayA:yyyy-MM-dd};{Version1};3;1;1;1;0;1;3;2;67%;3;1;33%;3;2;67%;2;1;50%",
                $"{WeekCode(MondayB)};{MondayB:yyyy-MM-dd};{Version1};1;1;0;0;0;0;1;1;100%;1;1;100%;1;1;100%;1;1;100%",
                $"{WeekCode(MondayB)};{MondayB:yyyy-MM-dd};{Version2};2;0;0;1;1;1;2;0;0%;2;0;0%;2;2;100%;2;0;0%",
            ],
            lines.Skip(1));

        await using var scope = site.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Set<AuditEntry>().Where(a => a.Action == AuditAction.ExportConsentFigures).ToListAsync();
        Assert.Equal($"{mondayA:yyyy-MM-dd} t/m {MondayB.AddDays(6):yyyy-MM-dd}: 6 keuzes", Assert.Single(audit).Target);
        Assert.Equal("fenna@interoffice.nl", audit[0].Actor);
    }

    [Fact]
    public async Task The_charts_are_svg_images_with_a_name_and_the_page_asks_nothing_of_another_host()
    {
        var page = await staff.PageAsync($"/beheer/toestemmingen/cijfers?{Period}");

        var charts = page.QuerySelectorAll("svg[role=img]");
        Assert.Equal(2, charts.Length);
        foreach (var chart in charts)
        {
            var title = page.GetElementById(chart.GetAttribute("aria-labelledby")!);
            Assert.Equal("title", title?.LocalName);
            Assert.False(string.IsNullOrWhiteSpace(title!.TextContent));
            Assert.Contains("dezelfde cijfers", page.GetElementById(chart.GetAttribute("aria-describedby")!)?.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal("Keuzes per week, naar hoe ze zijn gemaakt", charts[0].QuerySelector("title")!.TextContent);
        Assert.True(charts[0].QuerySelectorAll("rect").Length >= 6, "one bar part per method per week");
        Assert.Contains("Advertenties 40%", charts[1].QuerySelector("desc")!.TextContent, StringComparison.Ordinal);

        Assert.Empty(page.QuerySelectorAll("script"));
        Assert.Empty(page.QuerySelectorAll("[style]"));
        var addresses = page.All.SelectMany(e => e.Attributes.Where(a => a.LocalName is "src" or "href" or "action" or "srcset" or "xlink:href").Select(a => a.Value)).ToList();
        Assert.NotEmpty(addresses);
        Assert.All(addresses, a => Assert.True(a.StartsWith('#') || (a.StartsWith('/') && !a.StartsWith("//", StringComparison.Ordinal)), $"{a} leaves the site"));
    }

    [Fact]
    public async Task A_reversed_period_is_refused_in_Dutch_and_what_was_typed_stays_in_the_fields()
    {
        var (response, page) = await staff.GetAsync("/beheer/toestemmingen/cijfers?van=2026-03-12&tot=2026-03-01");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            "De periode loopt achteruit: ‘Van’ (12 maart 2026) ligt na ‘Tot en met’ (1 maart 2026). Kies een begindatum die vóór de einddatum ligt.",
            page.QuerySelector("[role=alert]")!.TextContent.Trim());
        Assert.Equal("2026-03-12", page.GetElementById("van")!.GetAttribute("value"));
        Assert.Equal("2026-03-01", page.GetElementById("tot")!.GetAttribute("value"));
        Assert.Equal("true", page.GetElementById("van")!.GetAttribute("aria-invalid"));
        Assert.Empty(page.QuerySelectorAll("table"));
        response.Dispose();
    }

    [Theory]
    [InlineData("van=1999-12-31&tot=2000-02-01", "Kies datums tussen 1 januari 2000 en")]
    [InlineData("van=2020-01-01&tot=2023-06-01", "Die periode is te lang: kies hoogstens 3 jaar")]
    [InlineData("van=gisteren&tot=2026-03-01", "De datum bij ‘Van’ is geen geldige datum")]
    public async Task An_absurd_period_is_refused_in_Dutch_and_the_csv_of_it_is_not_made(string query, string message)
    {
        var (response, page) = await staff.GetAsync($"/beheer/toestemmingen/cijfers?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(message, page.QuerySelector("[role=alert]")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(query.Split('&')[0]["van=".Length..], page.GetElementById("van")!.GetAttribute("value"));
        response.Dispose();

        using var csv = await staff.SendAsync(HttpMethod.Get, $"/beheer/toestemmingen/cijfers.csv?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, csv.StatusCode);
        Assert.Equal("text/html", csv.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Without_a_period_the_page_shows_the_last_twelve_weeks_up_to_today()
    {
        var today = DateOnly.FromDateTime(DutchTime.FromUtc(TestTime.Start.UtcDateTime));

        var page = await staff.PageAsync("/beheer/toestemmingen/cijfers");

        var weeks = page.QuerySelectorAll("#per-week tbody th").Select(th => th.TextContent).ToList();
        Assert.Equal(12, weeks.Count);
        Assert.Equal(WeekLabel(today), weeks[^1]);
        Assert.Equal(Monday(today).AddDays(-77).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), page.GetElementById("van")!.GetAttribute("value"));
        Assert.Equal(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), page.GetElementById("tot")!.GetAttribute("value"));
    }

    [Fact]
    public async Task With_every_service_on_the_statement_check_lists_the_named_parties_the_site_does_not_use_and_no_missing_provider()
    {
        var page = await staff.PageAsync("/beheer/toestemmingen/cijfers");

        Assert.Equal(
            ["Twitter", "Instagram", "Pinterest", "CDN Bootstrap", "CDN Font Awesome", "CDN Cloudflare"],
            page.QuerySelectorAll("#niet-gebruikt li").Select(li => li.TextContent));
        Assert.Null(page.GetElementById("niet-genoemd"));
        Assert.Contains("Geen: elke dienst die de website gebruikt, staat in de privacyverklaring.", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_staff_menu_has_Cijfers_after_Toestemmingen_marked_as_the_current_page()
    {
        var page = await staff.PageAsync("/beheer/toestemmingen/cijfers");

        var links = page.QuerySelectorAll("nav[aria-label=Beheermenu] a").Select(a => (a.TextContent, Current: a.GetAttribute("aria-current"))).ToList();
        var index = links.FindIndex(l => l.TextContent == "Toestemmingen");
        Assert.Equal(("Cijfers", "page"), links[index + 1]);
        Assert.Null(links[index].Current);
    }

    internal static DateOnly Monday(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    private static string WeekLabel(DateOnly date) =>
        $"week {ISOWeek.GetWeekOfYear(date.ToDateTime(TimeOnly.MinValue))} ({ISOWeek.GetYear(date.ToDateTime(TimeOnly.MinValue))})";

    private static string WeekCode(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(date.ToDateTime(TimeOnly.MinValue)):00}");

    /// <summary>Each row's cells as a reader meets them, joined by " | ".</summary>
    private static List<string> Rows(IDocument page, string selector) =>
        [.. page.QuerySelectorAll(selector).Select(r => r.Children.Length == 0 ? r.TextContent : string.Join(" | ", r.Children.Select(c => c.TextContent.Normalized())))];

    private DateTime At(int day, int hour, int minute) => mondayA.AddDays(day).ToDateTime(new TimeOnly(hour, minute), DateTimeKind.Utc);

    private static ConsentRecord Record(DateTime at, string version, ConsentMethod method, bool? analytics, bool? tracking, bool? social, bool? advertising, bool gpc = false) => new()
    {
        ConsentId = Guid.NewGuid().ToString(),
        RecordedAt = at,
        PolicyVersion = version,
        Method = method,
        Analytics = analytics,
        Tracking = tracking,
        Social = social,
        Advertising = advertising,
        GlobalPrivacyControl = gpc,
        BrowserFamily = "Firefox",
    };

    private async Task SeedAsync(params ConsentRecord[] records)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        db.AddRange(records);
        await db.SaveChangesAsync();
    }
}
