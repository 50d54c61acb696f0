using System.Net;
using System.Text;
using System.Text.Json;
using Interoffice.Web.Features.MyData;
using Interoffice.Web.Features.Staff;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Interoffice.Web.Tests.MyData;

/// <summary>A person on their own page: what they see and download, what they correct or object to, and what staff see of it afterwards.</summary>
public sealed class SelfServiceTests : IAsyncLifetime
{
    private const string Address = "jeroen.bakker@example.nl";
    private readonly SmtpSink smtp = SmtpSink.Started();
    private readonly SiteFactory site;
    private readonly Visitor visitor;
    private Visitor staff = null!;

    public SelfServiceTests()
    {
        site = new SiteFactory().With("Site:BaseUrl", "https://www.interoffice.nl").WithSmtp(smtp).WithAllServices();
        visitor = Visitor.Of(site);
    }

    public async Task InitializeAsync()
    {
        // The person wrote to us, signed up for the newsletter and made a cookie choice, all in this browser.
        (await ContactPoster.PostAsync(visitor, ContactPoster.Valid(name: "Jeroen Bakker", email: Address, message: "Graag een offerte."))).Response.Dispose();
        var fields = ContactPoster.Valid(name: "Jeroen Bakker", email: Address, message: "Mag ik zien wat u van mij heeft?");
        fields["Kind"] = "Access";
        (await ContactPoster.PostAsync(visitor, fields)).Response.Dispose();
        (await Subscribing.SignUpAsync(visitor, Address)).Dispose();
        (await visitor.ChooseAsync("alles")).Dispose();
        await Support.Staff.CreateAsync(site, "privacy@interoffice.nl");
        staff = Visitor.Of(site);
        (await Support.Staff.SignInAsync(staff, "privacy@interoffice.nl")).Dispose();
        await SignInAsync();
    }

    public async Task DisposeAsync()
    {
        visitor.Dispose();
        staff.Dispose();
        await site.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task The_page_shows_every_submission_the_newsletter_the_privacy_request_and_this_browsers_cookie_choice()
    {
        var page = await visitor.PageAsync(MyDataSessionController.Overview);
        var text = SelfServicing.Text(page);
        Assert.Contains("Graag een offerte.", text, StringComparison.Ordinal);
        Assert.Contains("Mag ik zien wat u van mij heeft?", text, StringComparison.Ordinal);
        Assert.Contains("U meldde zich aan op", text, StringComparison.Ordinal);
        Assert.Contains("Verzoek om inzage in mijn gegevens", page.QuerySelector("#verzoeken")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Contains("in behandeling, antwoord uiterlijk", text, StringComparison.Ordinal);
        var choice = page.QuerySelector("#cookies")!.ParentElement!.QuerySelector("tbody tr")!.TextContent.Normalized();
        Assert.Contains("alles accepteren", choice, StringComparison.Ordinal);
        Assert.Contains("toegestaan", choice, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href='/cookies']"));

        // The visitor accepted every service, yet their own page loads none: no third party reads it.
        using var raw = await visitor.SendAsync(HttpMethod.Get, MyDataSessionController.Overview);
        Assert.DoesNotContain("googletagmanager", await raw.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("googletagmanager", await (await visitor.SendAsync(HttpMethod.Get, "/diensten")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Staff see that the person looked, on the person's page, and the audit log names references only.
        var person = await Support.Staff.LookUpPersonAsync(staff, Address);
        Assert.Contains("Bekeken", person.QuerySelector("h2:contains('Zelf gedaan') + ul")!.TextContent, StringComparison.Ordinal);
        var audit = await AuditAsync();
        Assert.Contains(audit, a => a.Action == "mijn-gegevens-bekeken" && a.Actor == SelfServiceActions.Actor && a.Target!.Contains("IO-", StringComparison.Ordinal));
        Assert.DoesNotContain(audit, a => (a.Target ?? "").Contains(Address, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_person_downloads_everything_as_JSON_in_the_documented_form_and_the_submissions_as_CSV()
    {
        using var json = await visitor.SendAsync(HttpMethod.Get, "/mijn-gegevens/gegevens.json");
        Assert.Equal("application/json", json.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", json.Content.Headers.ContentDisposition!.DispositionType);
        using var document = JsonDocument.Parse(await json.Content.ReadAsStringAsync());
        var root = document.RootElement;
        Assert.Equal(PersonExport.FormatName, root.GetProperty("format").GetString());
        Assert.Equal(2, root.GetProperty("contactSubmissions").GetArrayLength());
        Assert.Contains(root.GetProperty("contactSubmissions").EnumerateArray(), s => s.GetProperty("privacyRequest").ValueKind == JsonValueKind.Object);
        Assert.Equal(Address, root.GetProperty("newsletter").GetProperty("email").GetString());
        Assert.True(root.GetProperty("browserConsents")[0].GetProperty("analytics").GetBoolean());

        using var csv = await visitor.SendAsync(HttpMethod.Get, "/mijn-gegevens/berichten.csv");
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("\"Referentie\";\"Ontvangen (tijd Amsterdam)\"", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.Contains("Graag een offerte.", lines[1] + lines[2], StringComparison.Ordinal);

        var person = await Support.Staff.LookUpPersonAsync(staff, Address);
        var done = person.QuerySelector("h2:contains('Zelf gedaan') + ul")!.TextContent;
        Assert.Contains("Gedownload (JSON)", done, StringComparison.Ordinal);
        Assert.Contains("Gedownload (CSV)", done, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_person_corrects_name_and_phone_a_wrong_number_gets_a_Dutch_message_with_the_typing_kept_and_staff_see_the_correction()
    {
        var page = await visitor.PageAsync(MyDataSessionController.Overview);
        var reference = page.QuerySelector("article h3 small")!.TextContent.Trim('(', ')');

        using var wrong = await SelfServicing.CorrectAsync(visitor, page, reference, "Jeroen de Bakker", "12");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var refused = await Html.ParseAsync(await wrong.Content.ReadAsStringAsync());
        Assert.Contains("Vul een geldig telefoonnummer in", refused.QuerySelector("#fouten")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"#Phone-{reference}", refused.QuerySelector("#fouten a")!.GetAttribute("href"));
        Assert.Equal("Jeroen de Bakker", refused.QuerySelector($"#Name-{reference}")!.GetAttribute("value"));
        Assert.Equal("12", refused.QuerySelector($"#Phone-{reference}")!.GetAttribute("value"));

        using var right = await SelfServicing.CorrectAsync(visitor, page, reference, "Jeroen de Bakker", "0597 123456");
        Assert.Equal(HttpStatusCode.SeeOther, right.StatusCode);
        var after = await visitor.PageAsync(MyDataSessionController.Overview);
        Assert.Contains($"Uw naam en telefoonnummer bij {reference} zijn gecorrigeerd.", SelfServicing.Text(after), StringComparison.Ordinal);

        var person = await Support.Staff.LookUpPersonAsync(staff, Address);
        Assert.Contains($"{reference}: Algemene vraag", person.QuerySelector("main ul")!.TextContent.Normalized(), StringComparison.Ordinal);
        Assert.Contains("naam Jeroen de Bakker, telefoon +31597123456", person.QuerySelector("main ul")!.TextContent.Normalized(), StringComparison.Ordinal);
        Assert.Contains($"Gecorrigeerd ({reference}: naam en telefoonnummer)", person.QuerySelector("h2:contains('Zelf gedaan') + ul")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(await AuditAsync(), a => a.Action == "mijn-gegevens-gecorrigeerd" && a.Target!.Contains(reference, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_objection_lands_in_the_inbox_as_a_privacy_request_due_in_a_month()
    {
        var page = await visitor.PageAsync(MyDataSessionController.Overview);
        using var objected = await SelfServicing.PostOnAsync(visitor, page, "/mijn-gegevens/bezwaar", ("Reason", "Ik wil geen offertes meer."));
        Assert.Equal(HttpStatusCode.SeeOther, objected.StatusCode);
        var text = SelfServicing.Text(await visitor.PageAsync(MyDataSessionController.Overview));
        Assert.Contains("Uw bezwaar is ontvangen onder referentie IO-", text, StringComparison.Ordinal);
        Assert.Contains("Bezwaar tegen verwerking van mijn gegevens", text, StringComparison.Ordinal);

        // In the inbox among the open requests, after the access request that came in first and is due first.
        var rows = (await staff.PageAsync("/beheer")).QuerySelectorAll("tbody tr").Select(r => r.TextContent.Normalized()).ToList();
        Assert.Contains("Verzoek om inzage", rows[0], StringComparison.Ordinal);
        Assert.Contains("Bezwaar tegen verwerking van mijn gegevens", rows[1], StringComparison.Ordinal);
        Assert.Contains("Uiterlijk", rows[1], StringComparison.Ordinal);
        Assert.Contains(await AuditAsync(), a => a.Action == "mijn-gegevens-bezwaar");

        // Pressed again (or by a script): the open objection is found, no second request or staff mail.
        await Eventually.TrueAsync(() => smtp.Messages.Any(m => m.Subject!.Contains("Bezwaar", StringComparison.Ordinal)), "the staff mail about the objection arrived");
        var mails = smtp.Messages.Count(m => m.Subject!.Contains("Bezwaar", StringComparison.Ordinal));
        using var twice = await SelfServicing.PostOnAsync(visitor, await visitor.PageAsync(MyDataSessionController.Overview), "/mijn-gegevens/bezwaar", ("Reason", "nogmaals"));
        Assert.Contains("U heeft al bezwaar gemaakt (referentie IO-", SelfServicing.Text(await visitor.PageAsync(MyDataSessionController.Overview)), StringComparison.Ordinal);
        Assert.Single((await staff.PageAsync("/beheer")).QuerySelectorAll("tbody tr"), r => r.TextContent.Contains("Bezwaar", StringComparison.Ordinal));
        await Outgoing.SettleAsync(site);
        Assert.Equal(mails, smtp.Messages.Count(m => m.Subject!.Contains("Bezwaar", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Someone_elses_submission_cannot_be_corrected_even_by_its_id()
    {
        var other = (await Support.Staff.AddSubmissionAsync(site, "Iemand Anders", "anders@example.nl", "van een ander", site.Now())).Id;

        var page = await visitor.PageAsync(MyDataSessionController.Overview);
        using var forged = await SelfServicing.PostOnAsync(visitor, page, "/mijn-gegevens/corrigeren", ("Id", other.ToString()), ("Name", "Overgenomen"), ("Phone", ""));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        var person = await Support.Staff.LookUpPersonAsync(staff, "anders@example.nl");
        Assert.Contains("naam Iemand Anders", person.QuerySelector("main ul")!.TextContent.Normalized(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_from_another_site_changes_nothing()
    {
        using var forged = await Subscribing.PostAsync(visitor, "/mijn-gegevens/wissen", new Dictionary<string, string>(), site: "cross-site");
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains("Er is niets gewijzigd", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Graag een offerte.", SelfServicing.Text(await visitor.PageAsync(MyDataSessionController.Overview)), StringComparison.Ordinal);
    }

    private async Task SignInAsync()
    {
        (await SelfServicing.RequestAsync(visitor, Address)).Dispose();
        var mail = await Eventually.ReturnsAsync(
            () => Task.FromResult(smtp.Messages.FirstOrDefault(m => m.Subject == MyDataMails.Subject)), m => m is not null, "the link arrived");
        using var opened = await SelfServicing.OpenAsync(visitor, SelfServicing.LinkIn(mail!)!);
        Assert.Equal(HttpStatusCode.SeeOther, opened.StatusCode);
    }

    private async Task<List<AuditEntry>> AuditAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Set<AuditEntry>().AsNoTracking().ToListAsync();
    }
}
