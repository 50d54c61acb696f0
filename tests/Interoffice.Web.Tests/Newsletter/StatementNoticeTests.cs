using System.Net;
using Interoffice.Web.Tests.Support;

namespace Interoffice.Web.Tests.Newsletter;

/// <summary>
/// The statement promises: "Bij wijzigingen wordt u per e-mail … op de hoogte gebracht". A new version brings a notice
/// for staff to send, once, and the versions page says which versions were announced and when.
/// </summary>
public sealed class StatementNoticeTests : IAsyncLifetime
{
    private static readonly string ContentRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Interoffice.Web"));
    private static readonly string Published = Path.Combine(ContentRoot, "Content", "privacyverklaring", "2018-05-23.md");
    private readonly string relativeFolder = $"App_Data/tests/privacyverklaring-{Guid.NewGuid():N}";
    private readonly SmtpSink smtp = SmtpSink.Started();
    private SiteFactory site = null!;
    private Visitor staff = null!;

    private string Folder => Path.Combine(ContentRoot, relativeFolder);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        File.Copy(Published, Path.Combine(Folder, "2018-05-23.md"));
        site = new SiteFactory().With("Site:BaseUrl", "https://www.interoffice.nl").With("Privacy:StatementFolder", relativeFolder).WithSmtp(smtp);
        await Support.Staff.CreateAsync(site, "redactie@interoffice.nl");
        staff = Visitor.Of(site);
        (await Support.Staff.SignInAsync(staff, "redactie@interoffice.nl")).Dispose();
    }

    public async Task DisposeAsync()
    {
        staff.Dispose();
        await site.DisposeAsync();
        await smtp.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }

    [Fact]
    public async Task A_new_version_brings_a_notice_with_its_summary_that_goes_to_every_subscriber_once_and_the_versions_page_says_so()
    {
        await Subscribing.ConfirmedAsync(site, 3);
        Assert.Null((await staff.PageAsync("/beheer/nieuwsbrief")).QuerySelector("#wijziging"));

        await Privacy.PrivacyStatementEditingTests.PublishVersion2Async(Folder, extra: null);
        var path = Path.Combine(Folder, "2026-11-25.md");
        var text = await File.ReadAllTextAsync(path);
        await File.WriteAllTextAsync(path, text.Replace("last-modified: 2026-11-25", "last-modified: 2026-11-25\nsummary: Wij bewaren contactberichten nu hoogstens een jaar.", StringComparison.Ordinal));

        var page = await Eventually.ReturnsAsync(() => staff.PageAsync("/beheer/nieuwsbrief"), p => p.QuerySelector("#wijziging") is not null && p.Body!.TextContent.Contains("hoogstens een jaar", StringComparison.Ordinal), "the notice is prepared");
        var notice = page.QuerySelector("section[aria-labelledby=wijziging]")!;
        Assert.Contains("Versturen aan 3 abonnees", notice.QuerySelector("button")!.TextContent, StringComparison.Ordinal);

        // Until it is sent, every staff page says it waits.
        Assert.Contains("Versie 2 van de privacyverklaring geldt nu", (await staff.PageAsync("/beheer")).QuerySelector("main")!.TextContent.Normalized(), StringComparison.Ordinal);

        // One confirmation, then the mails: with the server's own text, whatever the form was made to say.
        using var asked = await Support.Staff.PostFormOnAsync(staff, page, "/beheer/nieuwsbrief/schrijven", ("Actie", "versturen"));
        var confirmation = await Html.ParseAsync(await asked.Content.ReadAsStringAsync());
        var fields = confirmation.QuerySelector("form[action='/beheer/nieuwsbrief/versturen']")!.QuerySelectorAll("input[type=hidden]")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        fields["Subject"] = "Gratis printer";
        fields["Body"] = "Klik [hier](https://evil.example).";
        using (var content = new FormUrlEncodedContent(fields))
        using (var sent = await staff.SendAsync(HttpMethod.Post, "/beheer/nieuwsbrief/versturen", content))
        {
            Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
        }

        Assert.True(await smtp.WaitForAsync(3, TimeSpan.FromSeconds(20)));
        var mail = smtp.Messages.First();
        Assert.Equal("Onze privacyverklaring is gewijzigd (versie 2)", mail.Subject);
        Assert.Contains("Wij bewaren contactberichten nu hoogstens een jaar.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://www.interoffice.nl/privacyverklaring\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://www.interoffice.nl/privacyverklaring/versies\"", mail.HtmlBody, StringComparison.Ordinal);

        Assert.DoesNotContain("evil.example", mail.HtmlBody, StringComparison.Ordinal);

        // Announced once: the notice is gone, and a second press sends nothing.
        Assert.Null((await staff.PageAsync("/beheer/nieuwsbrief")).QuerySelector("#wijziging"));
        Assert.DoesNotContain("Versie 2 van de privacyverklaring geldt nu", (await staff.PageAsync("/beheer")).QuerySelector("main")!.TextContent.Normalized(), StringComparison.Ordinal);
        using (var again = await Support.Staff.PostFormOnAsync(staff, confirmation, "/beheer/nieuwsbrief/versturen"))
        {
            Assert.Equal(HttpStatusCode.SeeOther, again.StatusCode);
        }

        await Outgoing.SettleAsync(site);
        Assert.Equal(3, smtp.Messages.Count);

        using var visitor = Visitor.Of(site);
        var rows = (await visitor.PageAsync("/privacyverklaring/versies")).QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td")[3].TextContent).ToList();
        Assert.Equal(Interoffice.Web.Infrastructure.Hosting.DutchTime.Format(TestTime.Start.UtcDateTime, "d MMMM yyyy"), rows[0][..rows[0].IndexOf(" om ", StringComparison.Ordinal)]);
        Assert.Equal("n.v.t. (eerste versie)", rows[1]);
    }
}
