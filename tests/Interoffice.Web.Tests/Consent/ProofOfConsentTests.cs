using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Interoffice.Web.Features.Consent;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Interoffice.Web.Tests.Consent;

/// <summary>
/// What an auditor asks years later: what exactly was this visitor shown, and has the log been changed since?
/// Snapshots answer the first, the hash chain and <c>consent verify</c> the second.
/// </summary>
public sealed class ProofOfConsentTests
{
    [Fact]
    public async Task The_same_configuration_gives_the_same_snapshot_across_restarts_and_instances_and_any_change_a_new_one()
    {
        string VersionOf(SiteFactory site)
        {
            using var _ = site.CreateClient();
            return site.Services.GetRequiredService<ConsentPolicyProvider>().Version;
        }

        await using var first = new SiteFactory().WithAllServices();
        await using var second = new SiteFactory().WithAllServices();
        await using var withoutHotjar = new SiteFactory().WithAllServices().With("Consent:Services:Hotjar:Id", "");
        await using var revised = new SiteFactory().WithAllServices().With("Consent:Revision", "2");
        await using var otherId = new SiteFactory().WithAllServices().With("Consent:Services:Hotjar:Id", "3999999");

        var version = VersionOf(first);
        Assert.Matches("^[0-9a-f]{64}$", version);
        Assert.Equal(version, VersionOf(second));
        Assert.Equal(version, VersionOf(otherId)); // an account id is not something a visitor was shown
        Assert.NotEqual(version, VersionOf(withoutHotjar));
        Assert.NotEqual(version, VersionOf(revised));
    }

    [Fact]
    public async Task A_changed_text_or_a_changed_statement_gives_a_new_snapshot()
    {
        await using var site = new SiteFactory().WithAllServices();
        using var _ = site.CreateClient();
        var services = site.Services.GetRequiredService<EnabledServices>();
        var statement = site.Services.GetRequiredService<Interoffice.Web.Features.Privacy.PrivacyStatementProvider>().Current;
        var texts = ConsentTexts.For(services);
        static string Hash(PolicySnapshot snapshot) => PolicySnapshot.HashOf(snapshot.ToCanonicalJson());

        var original = Hash(PolicySnapshot.Of(services, statement, "1", texts));

        Assert.Equal(site.Services.GetRequiredService<ConsentPolicyProvider>().Version, original);
        Assert.NotEqual(original, Hash(PolicySnapshot.Of(services, statement, "1", texts with { Banner = texts.Banner with { RejectAll = "Weigeren" } })));
        Assert.NotEqual(original, Hash(PolicySnapshot.Of(services, statement with { Sha256 = Sha256(statement.Html + " ") }, "1", texts)));
    }

    [Fact]
    public async Task The_snapshot_holds_the_texts_the_visitor_reads_in_the_banner_and_the_settings()
    {
        await using var site = new SiteFactory().WithAllServices();
        using var visitor = Visitor.Of(site);
        visitor.Headers["Sec-GPC"] = "1";
        var home = await visitor.PageAsync("/");
        var banner = home.QuerySelector("section.consent-banner")!.TextContent.Normalized();
        var dialog = home.QuerySelector("dialog.consent-dialog")!.TextContent.Normalized();
        var about = (await visitor.PageAsync("/over-ons")).QuerySelector("figure.video")!.TextContent.Normalized();

        var snapshot = await StoredSnapshotAsync(site, site.Services.GetRequiredService<ConsentPolicyProvider>().Version);
        var texts = snapshot.Texts;
        Assert.All([texts.Banner.Title, texts.Banner.Text, texts.Banner.MoreLink, texts.Banner.GlobalPrivacyControl, texts.Banner.AcceptAll, texts.Banner.RejectAll, texts.Banner.OpenSettings],
            text => Assert.Contains(text, banner, StringComparison.Ordinal));
        Assert.All([texts.Settings.Title, texts.Settings.Intro, texts.Settings.AlwaysOn, texts.Settings.RefusedBySignal, texts.Settings.Save, texts.Settings.Close, .. texts.Settings.ServicesPerCategory.Values],
            text => Assert.Contains(text, dialog, StringComparison.Ordinal));
        Assert.All([texts.Embed!.Text, texts.Embed.LoadOnce, texts.Embed.AllowAlways, texts.Embed.Note, texts.Embed.SettingsLink],
            text => Assert.Contains(text, about, StringComparison.Ordinal));
        Assert.All(snapshot.Categories.Where(c => !c.AlwaysOn), c => Assert.Contains(c.Description, dialog, StringComparison.Ordinal));
        Assert.Equal(["GoogleAnalytics", "Hotjar", "LinkedInInsight", "YouTube", "GoogleAds", "MetaPixel"], snapshot.Services.Select(s => s.Key));
        Assert.Contains(snapshot.Services.Single(s => s.Key == "Hotjar").Cookies, c => c.Name == "_hjSession_*" && c.Lifetime == "30 minuten");
        var statementFile = Path.Combine(AppContext.BaseDirectory, "Content", "privacyverklaring", "2018-05-23.md");
        Assert.Equal(("1", Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(statementFile)))),
            (snapshot.PrivacyStatement.Version, snapshot.PrivacyStatement.Sha256));
    }

    [Fact]
    public async Task An_old_record_still_shows_what_that_visitor_saw_after_the_configuration_changed()
    {
        await using var before = new SiteFactory().WithAllServices();
        using var visitor = Visitor.Of(before);
        using var _ = await visitor.ChooseAsync("alles");
        var consentId = await ConsentIdAsync(visitor);
        var oldVersion = before.Services.GetRequiredService<ConsentPolicyProvider>().Version;

        // Later: Hotjar is gone and the cookie policy has a new revision; the same database.
        await using var after = new SiteFactory { DatabasePath = before.DatabasePath, Clock = before.Clock }.WithAllServices()
            .With("Consent:Services:Hotjar:Id", "").With("Consent:Revision", "2");
        using var returning = Visitor.Of(after);
        returning.Cookies.Add(visitor.Cookies.GetAllCookies());
        var home = await returning.PageAsync("/");
        Assert.Contains("Ons cookiebeleid is gewijzigd", home.QuerySelector("section.consent-banner")?.TextContent ?? "", StringComparison.Ordinal);
        using var again = await returning.ChooseAsync("niets");

        await Support.Staff.CreateAsync(after, "sanne@interoffice.nl");
        using var staff = Visitor.Of(after);
        using var signedIn = await Support.Staff.SignInAsync(staff, "sanne@interoffice.nl");
        var page = await Support.Staff.LookUpConsentAsync(staff, consentId);

        var rows = page.QuerySelectorAll("table tbody tr").Select(r => r.TextContent.Normalized()).Where(t => t.Contains("momentopname", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.StartsWith($"{DutchToday()}", rows[0], StringComparison.Ordinal);
        Assert.Contains("alles accepteren", rows[0], StringComparison.Ordinal);
        Assert.Contains(oldVersion[..12], rows[0], StringComparison.Ordinal);
        Assert.Contains("alles weigeren", rows[1], StringComparison.Ordinal);
        var oldSnapshot = page.QuerySelector($"#momentopname-{oldVersion[..12]}")!.TextContent.Normalized();
        Assert.Contains("Wat deze bezoeker te zien kreeg", oldSnapshot, StringComparison.Ordinal);
        Assert.Contains("Hotjar", oldSnapshot, StringComparison.Ordinal);
        Assert.Contains("Revisie cookiebeleid 1", oldSnapshot, StringComparison.Ordinal);
        Assert.Contains("De inhoud past bij deze hash", oldSnapshot, StringComparison.Ordinal);
        var newSnapshot = page.QuerySelectorAll("section.snapshot").Single(s => s.Id != $"momentopname-{oldVersion[..12]}").TextContent.Normalized();
        Assert.DoesNotContain("Hotjar", newSnapshot, StringComparison.Ordinal);
        Assert.Contains("Revisie cookiebeleid 2", newSnapshot, StringComparison.Ordinal);
        Assert.Equal("intact", page.QuerySelector("[data-verdict]")?.GetAttribute("data-verdict"));

        // Typed in capitals (as read aloud over the phone), the id finds the same choices on SQLite as on SQL Server.
        var typedInCapitals = await Support.Staff.LookUpConsentAsync(staff, consentId.ToUpperInvariant());
        Assert.Equal(2, typedInCapitals.QuerySelectorAll("table tbody tr").Count(r => r.TextContent.Normalized().Contains("momentopname", StringComparison.Ordinal)));

        // The figures per policy version say which statement and revision each version was.
        var figures = (await staff.PageAsync("/beheer/toestemmingen/cijfers")).Body!.TextContent.Normalized();
        Assert.Contains("privacyverklaring versie 1, revisie 1, 6 diensten", figures, StringComparison.Ordinal);
        Assert.Contains("privacyverklaring versie 1, revisie 2, 5 diensten", figures, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> Tampering => new()
    {
        // what is done to the log, the record the verdict must name, and why
        { "UPDATE ConsentRecords SET Analytics = 0 WHERE Id = 30", "keuze 30", "is veranderd" },
        { "DELETE FROM ConsentRecords WHERE Id = 30", "keuze 40", "daartussen is een keuze verwijderd of tussengevoegd" },
        { "INSERT INTO ConsentRecords (Id, ConsentId, RecordedAt, PolicyVersion, Method, Analytics, GlobalPrivacyControl, BrowserFamily, PreviousHash, Hash) "
            + "SELECT 35, ConsentId, RecordedAt, PolicyVersion, 'AcceptAll', 1, 0, BrowserFamily, 'vervalst', Hash || 'x' FROM ConsentRecords WHERE Id = 30",
            "keuze 35", "daartussen is een keuze verwijderd of tussengevoegd" },
        { "UPDATE ConsentSnapshots SET Content = replace(Content, 'Alles weigeren', 'Weigeren')", "keuze 10", "is veranderd (haar inhoud past niet meer bij haar hash)" },
        { "DELETE FROM ConsentRecords WHERE Id = 10", "keuze 20", "het begin van het log is verwijderd" },
        { "UPDATE ConsentRecords SET Id = 25 WHERE Id = 20; UPDATE ConsentRecords SET Id = 20 WHERE Id = 30; UPDATE ConsentRecords SET Id = 30 WHERE Id = 25", "keuze 20", "deze keuze wijst niet naar de keuze ervoor" },
        { "INSERT INTO ConsentRecords (Id, ConsentId, RecordedAt, PolicyVersion, Method, GlobalPrivacyControl, BrowserFamily) "
            + "SELECT 45, ConsentId, RecordedAt, PolicyVersion, 'RejectAll', 0, BrowserFamily FROM ConsentRecords WHERE Id = 40",
            "keuze 45", "buiten de keten geschreven (niet verzegeld)" },
    };

    [Theory]
    [MemberData(nameof(Tampering))]
    public async Task Consent_verify_names_the_first_record_where_the_chain_breaks(string tampering, string named, string reason)
    {
        await using var site = new SiteFactory().WithAllServices();
        await ChooseAsync(site, 5);

        // Ids with room between them (as after a restore into another table) make an insertion in the middle possible.
        await ExecuteAsync(site, "UPDATE ConsentRecords SET Id = Id * 10");
        Assert.Equal(0, (await VerifyAsync(site)).ExitCode);

        await ExecuteAsync(site, tampering);
        var (code, output) = await VerifyAsync(site);

        Assert.Equal(1, code);
        Assert.Contains($"De keten breekt bij {named} ", output, StringComparison.Ordinal);
        Assert.Contains(reason, output, StringComparison.Ordinal);

        await Support.Staff.CreateAsync(site, "sanne@interoffice.nl");
        using var staff = Visitor.Of(site);
        using var signedIn = await Support.Staff.SignInAsync(staff, "sanne@interoffice.nl");
        var verdict = (await staff.PageAsync("/beheer/toestemmingen")).QuerySelector("[data-verdict]")!;
        Assert.Equal("verbroken", verdict.GetAttribute("data-verdict"));
        Assert.Contains(named, verdict.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_choice_from_before_this_release_is_asked_again_without_claiming_the_statement_changed()
    {
        await using var site = new SiteFactory().WithAllServices();
        using var visitor = Visitor.Of(site);
        var home = await visitor.PageAsync("/");
        Assert.Null(home.QuerySelector(".consent-renewal"));

        // The cookie an earlier release wrote: its own version form, no statement version in it.
        var cookie = site.Services.GetRequiredService<ConsentCookie>();
        var old = cookie.Protect(new ConsentChoice(Guid.NewGuid().ToString(), "1.1.abcdef12", new HashSet<ConsentCategory> { ConsentCategory.Analytics }, TestTime.Start.AddDays(-3), ConsentMethod.Settings));
        visitor.Cookies.Add(new System.Net.Cookie(ConsentCookie.Name, old, "/", "www.interoffice.nl"));

        var notice = (await visitor.PageAsync("/")).QuerySelector("section.consent-banner .consent-renewal");
        Assert.Equal("Ons cookiebeleid is gewijzigd (lees de cookieverklaring); daarom vragen wij opnieuw om uw keuze.", notice?.TextContent.Normalized());
    }

    [Fact]
    public async Task The_published_site_verifies_the_log_with_the_consent_verify_verb()
    {
        await using var site = new SiteFactory().WithAllServices();
        await ChooseAsync(site, 3);
        var environment = new Dictionary<string, string> { ["ConnectionStrings__Default"] = $"Data Source={site.DatabasePath}" };

        var intact = await SiteProcess.RunAsync(["consent", "verify"], environment);
        Assert.True(intact.ExitCode == 0, intact.Output);
        Assert.Contains("intact: 3 keuzes", intact.Output, StringComparison.Ordinal);

        await ExecuteAsync(site, "UPDATE ConsentRecords SET BrowserFamily = 'Safari' WHERE Id = 2");
        var broken = await SiteProcess.RunAsync(["consent", "verify"], environment);
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("De keten breekt bij keuze 2 ", broken.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retention_removes_from_the_oldest_end_and_the_log_stays_verifiable_from_the_first_remaining_record()
    {
        await using var site = new SiteFactory().WithAllServices();
        using var _ = site.CreateClient();
        var now = new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var log = scope.ServiceProvider.GetRequiredService<ConsentLog>();
            var policy = scope.ServiceProvider.GetRequiredService<ConsentPolicyProvider>().Current;
            foreach (var (id, at) in new[] { ("a", now.AddMonths(-30)), ("b", now.AddMonths(-25)), ("c", now.AddMonths(-1)), ("d", now.AddDays(-1)) })
            {
                await log.AppendAsync(new ConsentChoice(id, policy.Version, new HashSet<ConsentCategory>(), at, ConsentMethod.RejectAll, "1"), policy, false, null, CancellationToken.None);
            }
        }

        await using (var scope = site.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var log = services.GetRequiredService<ConsentLog>();
            Assert.Equal(2, await log.DeleteExpiredAsync(now, CancellationToken.None));
        }

        var (code, output) = await VerifyAsync(site);
        Assert.True(code == 0, output);
        Assert.Contains("intact: 2 keuzes", output, StringComparison.Ordinal);
        Assert.Contains("Het begint na 2 keuzes die na de bewaartermijn zijn verwijderd", output, StringComparison.Ordinal);

        // New choices follow on; removing the oldest remaining record by hand is not retention and is found.
        await ChooseAsync(site, 1);
        Assert.Contains("intact: 3 keuzes", (await VerifyAsync(site)).Output, StringComparison.Ordinal);
        await ExecuteAsync(site, "DELETE FROM ConsentRecords WHERE ConsentId = 'c'");
        var removed = await VerifyAsync(site);
        Assert.Equal(1, removed.ExitCode);
        Assert.Contains("daartussen is een keuze verwijderd", removed.Output, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> WipedSeals => new()
    {
        // which records lose their hash and their link to the record before, and the record the verdict must name
        { "WHERE Id = 1", "keuze 1" },
        { "WHERE Id = 2", "keuze 2" },
        { "", "keuze 1" },
    };

    [Theory]
    [MemberData(nameof(WipedSeals))]
    public async Task A_record_stripped_of_its_seal_in_the_file_is_a_break_and_a_restart_does_not_seal_it_again(string which, string named)
    {
        await using var site = new SiteFactory().WithAllServices();
        await ChooseAsync(site, 3);
        await Support.Staff.CreateAsync(site, "sanne@interoffice.nl");
        Assert.Equal(0, (await VerifyAsync(site)).ExitCode);

        // Not through the site: the file opened directly, as anyone with access to the server could.
        await using (var file = new SqliteConnection($"Data Source={site.DatabasePath}"))
        {
            await file.OpenAsync();
            await using var command = file.CreateCommand();
            command.CommandText = $"UPDATE ConsentRecords SET Hash = NULL, PreviousHash = NULL {which}";
            Assert.True(await command.ExecuteNonQueryAsync() > 0);
        }

        await AssertBrokenAtAsync(site, named);

        // The site started again on the same file (after a release or a crash) leaves the records as they are.
        await using var restarted = new SiteFactory { DatabasePath = site.DatabasePath, Clock = site.Clock }.WithAllServices();
        using var _ = restarted.CreateClient();
        await AssertBrokenAtAsync(restarted, named);
        var verb = await SiteProcess.RunAsync(["consent", "verify"], new Dictionary<string, string> { ["ConnectionStrings__Default"] = $"Data Source={site.DatabasePath}" });
        Assert.Equal(1, verb.ExitCode);
        Assert.Contains($"De keten breekt bij {named} ", verb.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_record_that_names_no_stored_snapshot_is_a_break()
    {
        await using var site = new SiteFactory().WithAllServices();
        using var _ = site.CreateClient();
        await using (var scope = site.Services.CreateAsyncScope())
        {
            // Sealed as the site seals, but under a policy version that is no snapshot's hash.
            var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
            var record = new ConsentRecord { ConsentId = "oud", RecordedAt = new DateTime(2026, 1, 5, 10, 0, 0, DateTimeKind.Utc), PolicyVersion = "1.1.abcdef12", BrowserFamily = "Chrome" };
            ConsentChain.Seal(record, ConsentChain.Genesis);
            db.Add(record);
            await db.SaveChangesAsync();
        }

        var (code, output) = await VerifyAsync(site);

        Assert.Equal(1, code);
        Assert.Contains("De keten breekt bij keuze 1 ", output, StringComparison.Ordinal);
        Assert.Contains("de momentopname 1.1.abcdef12 waaronder zij is gemaakt ontbreekt", output, StringComparison.Ordinal);
    }

    private static async Task AssertBrokenAtAsync(SiteFactory site, string named)
    {
        var (code, output) = await VerifyAsync(site);
        Assert.Equal(1, code);
        Assert.Contains($"De keten breekt bij {named} ", output, StringComparison.Ordinal);
        Assert.Contains("niet verzegeld", output, StringComparison.Ordinal);

        using var staff = Visitor.Of(site);
        using var signedIn = await Support.Staff.SignInAsync(staff, "sanne@interoffice.nl");
        var verdict = (await staff.PageAsync("/beheer/toestemmingen")).QuerySelector("[data-verdict]")!;
        Assert.Equal("verbroken", verdict.GetAttribute("data-verdict"));
        Assert.Contains(named, verdict.TextContent, StringComparison.Ordinal);
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string DutchToday() => Interoffice.Web.Infrastructure.Hosting.DutchTime.Format(TestTime.Start.UtcDateTime, "d MMM yyyy");

    private static async Task ChooseAsync(SiteFactory site, int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var visitor = Visitor.Of(site);
            using var _ = await visitor.ChooseAsync(i % 2 == 0 ? "alles" : "selectie", ["analytics"]);
        }
    }

    private static async Task<string> ConsentIdAsync(Visitor visitor) =>
        (await visitor.PageAsync("/cookies")).QuerySelector("dl.consent-current code")!.TextContent;

    private static async Task<(int ExitCode, string Output)> VerifyAsync(SiteFactory site)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await ConsentCommands.RunAsync(site.Services, ["consent", "verify"], output, error);
        return (code, output.ToString() + error);
    }

    private static async Task ExecuteAsync(SiteFactory site, string sql)
    {
        await using var scope = site.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Database.ExecuteSqlRawAsync(sql);
    }

    private static async Task<PolicySnapshot> StoredSnapshotAsync(SiteFactory site, string hash)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Set<StoredSnapshot>().SingleAsync(s => s.Hash == hash);
        Assert.Equal(hash, Sha256(stored.Content));
        return PolicySnapshot.FromJson(stored.Content)!;
    }
}
