using System.Net;
using System.Text;
using System.Text.Json;
using Interoffice.Web.Areas.Beheer.Features.Inbox;
using Interoffice.Web.Features.Consent;
using Interoffice.Web.Features.Contact;
using Interoffice.Web.Features.Staff;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Email;
using Interoffice.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.TestHost;

namespace Interoffice.Web.Tests.Staff;

public sealed class PrivacyToolsTests : IAsyncLifetime
{
    private readonly SmtpSink smtp = SmtpSink.Started();
    private readonly SiteFactory site;
    private readonly Visitor staff;

    public PrivacyToolsTests()
    {
        site = new SiteFactory().WithSmtp(smtp).WithAllServices();
        staff = Visitor.Of(site);
    }

    public async Task InitializeAsync()
    {
        await Support.Staff.CreateAsync(site, "lars@interoffice.nl");
        using var _ = await Support.Staff.SignInAsync(staff, "lars@interoffice.nl");
    }

    public async Task DisposeAsync()
    {
        staff.Dispose();
        await site.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task An_address_is_found_whatever_its_case_also_in_letters_beyond_ASCII()
    {
        // SQLite's LOWER() folds A-Z only, SQL Server's collation every letter: both compare the one stored form instead.
        using var visitor = Visitor.Of(site);
        var (sent, _) = await ContactPoster.PostAsync(visitor, ContactPoster.Valid(name: "Zoë Ødegård", email: "ZOË.ØDEGÅRD@Example.NL", message: "Over mijn gegevens"));
        var reference = await ContactPoster.ReferenceAsync(visitor, sent);

        foreach (var typed in new[] { "zoë.ødegård@example.nl", "  Zoë.Ødegård@EXAMPLE.nl ", "ZOË.ØDEGÅRD@Example.NL" })
        {
            var page = await Support.Staff.LookUpPersonAsync(staff, typed);
            Assert.Contains(reference, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(reference, (await Support.Staff.LookUpPersonAsync(staff, "zoe.odegard@example.nl")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Everything_stored_about_an_address_is_exported_as_json_and_then_erased_leaving_nothing()
    {
        using var visitor = Visitor.Of(site);
        var first = ContactPoster.Valid(name: "Nina Smit", email: "Nina.Smit@example.nl", message: "Eerste vraag");
        first["Kind"] = "Access";
        var (one, _) = await ContactPoster.PostAsync(visitor, first);
        var oneReference = await ContactPoster.ReferenceAsync(visitor, one);
        var (two, _) = await ContactPoster.PostAsync(visitor, ContactPoster.Valid(name: "Nina Smit", email: "nina.smit@example.nl", message: "Tweede vraag"));
        var (other, _) = await ContactPoster.PostAsync(visitor, ContactPoster.Valid(name: "Iemand Anders", email: "anders@example.nl", message: "Niet van Nina"));
        Assert.True(await smtp.WaitForAsync(3, Eventually.Deadline));

        var page = await Support.Staff.LookUpPersonAsync(staff, "nina.smit@example.nl");
        Assert.Contains("2 berichten van nina.smit@example.nl", page.Body!.TextContent, StringComparison.Ordinal);

        using var exported = await Support.Staff.PostFormOnAsync(staff, page, "/beheer/persoon/export.json");
        Assert.Equal("application/json", exported.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(await exported.Content.ReadAsStringAsync()).RootElement;
        var submissions = json.GetProperty("contactSubmissions").EnumerateArray().ToList();
        Assert.Equal(["Eerste vraag", "Tweede vraag"], submissions.Select(s => s.GetProperty("message").GetString()));
        Assert.All(submissions, s => Assert.Equal("Nina Smit", s.GetProperty("name").GetString()));
        Assert.Equal("+31612345678", submissions[0].GetProperty("phone").GetString());
        Assert.Equal(2, json.GetProperty("notificationMails").GetArrayLength());

        using (var confirming = await Support.Staff.PostFormOnAsync(staff, page, "/beheer/persoon/wissen/bevestigen"))
        {
            Assert.Contains("definitief verwijderd", await confirming.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var erased = await Support.Staff.ErasePersonAsync(staff, "nina.smit@example.nl");
        Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);

        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        Assert.Empty(await db.Set<ContactSubmission>().Where(s => s.Name == "Nina Smit").ToListAsync());
        Assert.Empty(await db.Set<OutboxMessage>().Where(m => m.TextBody.Contains("Nina Smit")).ToListAsync());
        Assert.Single(await db.Set<ContactSubmission>().ToListAsync());
        var audit = await db.Set<AuditEntry>().ToListAsync();
        Assert.DoesNotContain(audit, a => a.Target?.Contains("nina", StringComparison.OrdinalIgnoreCase) == true);
        Assert.Contains(audit, a => a.Action == AuditAction.ErasePerson && a.Target!.Contains(oneReference, StringComparison.Ordinal));
        _ = (two, other);
    }

    [Fact]
    public async Task The_erase_confirmation_names_the_staff_mailbox_whose_mails_the_site_cannot_erase()
    {
        using var visitor = Visitor.Of(site);
        var references = new List<string>();
        foreach (var message in new[] { "Eerste vraag", "Tweede vraag" })
        {
            var (posted, _) = await ContactPoster.PostAsync(visitor, ContactPoster.Valid(name: "Roos Wit", email: "roos.wit@example.nl", message: message));
            references.Add(await ContactPoster.ReferenceAsync(visitor, posted));
        }

        Assert.True(await smtp.WaitForAsync(2, Eventually.Deadline));
        await Eventually.TrueAsync(
            async () =>
            {
                await using var scope = site.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
                var states = await InboxQueries.MailStates(db, db.Set<ContactSubmission>().Where(s => s.Email == "roos.wit@example.nl")).ToListAsync();
                return states.Count(s => s.Value == MailState.Sent) == 2;
            },
            "both notifications are sent");

        using var confirming = await Support.Staff.PostFormOnAsync(staff, await Support.Staff.LookUpPersonAsync(staff, "roos.wit@example.nl"), "/beheer/persoon/wissen/bevestigen");
        var confirm = await Html.ParseAsync(await confirming.Content.ReadAsStringAsync());
        var note = confirm.QuerySelector("main [role=note]")?.TextContent ?? "";
        Assert.Contains("info@interoffice.nl", note, StringComparison.Ordinal);
        Assert.All(references, r => Assert.Contains(r, note, StringComparison.Ordinal));
        Assert.Contains("Verwijder die mails daar ook", note, StringComparison.Ordinal);

        using var erased = await Support.Staff.PostFormOnAsync(staff, confirm, "/beheer/persoon/wissen");
        var done = await staff.PageAsync(erased.Headers.Location!.OriginalString);
        Assert.Contains("Verwijder ook de meldingen in de mailbox van info@interoffice.nl", done.QuerySelector("main [role=status]")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_consent_record_is_found_by_the_consent_id_the_visitor_reads_on_the_cookie_page()
    {
        using var visitor = Visitor.Of(site);
        using var _ = await visitor.ChooseAsync("selectie", ["analytics", "social"]);
        var consentId = (await visitor.PageAsync("/cookies")).QuerySelector("dl.consent-current code")!.TextContent;

        var page = await Support.Staff.LookUpConsentAsync(staff, consentId);
        var cells = page.QuerySelectorAll("tbody tr td").Select(c => c.TextContent).ToList();

        Assert.Equal("eigen keuze in de instellingen", cells[1]);
        Assert.Equal(["toegestaan", "geweigerd", "toegestaan", "geweigerd"], cells.Skip(2).Take(4));
    }

    [Fact]
    public async Task The_consent_records_of_a_period_export_as_csv()
    {
        using (var a = Visitor.Of(site))
        {
            using var _ = await a.ChooseAsync("alles");
        }

        using (var b = Visitor.Of(site))
        {
            using var _ = await b.ChooseAsync("niets");
        }

        var today = site.Now().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (response, _) = await staff.GetAsync($"/beheer/toestemmingen/export.csv?van={today}&tot={today}");
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.Contains("\"alles accepteren\"", StringComparison.Ordinal) && l.Contains("\"toegestaan\";\"toegestaan\";\"toegestaan\";\"toegestaan\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"alles weigeren\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_dead_notification_can_be_sent_again_by_staff()
    {
        var submission = await Support.Staff.AddSubmissionAsync(site, "Olga", "olga@example.nl", "Mijn printer", site.Now());
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
            var store = scope.ServiceProvider.GetRequiredService<SubmissionStore>();
            var mail = store.Notification(submission);
            scope.ServiceProvider.GetRequiredService<Outbox>().Queue(mail);
            mail.MarkDead("Geweigerd door de mailserver: 550", site.Now());
            await db.SaveChangesAsync();
        }

        var detail = await staff.PageAsync($"/beheer/berichten/{submission.Id}");
        Assert.Contains("mislukt", detail.Body!.TextContent, StringComparison.Ordinal);
        using var resent = await Support.Staff.PostFormAsync(staff, $"/beheer/berichten/{submission.Id}", $"/beheer/berichten/{submission.Id}/melding");

        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        await Eventually.TrueAsync(() => smtp.Messages.Any(m => m.Subject?.Contains(submission.Reference, StringComparison.Ordinal) == true), "the notification was sent again");
    }

    [Fact]
    public async Task Retention_deletes_exactly_the_submissions_consent_records_and_audit_entries_past_their_period()
    {
        // A day on: the audit entries of this test's own sign-in are young, the planted ones around the cutoff are not.
        site.Clock.Advance(TimeSpan.FromDays(1));
        var now = site.Clock.GetUtcNow();
        var job = site.Services.GetRequiredService<RetentionJob>();
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        ConsentRecord old = new() { ConsentId = "oud", RecordedAt = now.AddMonths(-24).AddMinutes(-1).UtcDateTime, PolicyVersion = "1", BrowserFamily = "Chrome" };
        ConsentRecord young = new() { ConsentId = "net-niet", RecordedAt = now.AddMonths(-24).AddMinutes(1).UtcDateTime, PolicyVersion = "1", BrowserFamily = "Chrome" };
        ConsentChain.Seal(old, ConsentChain.Genesis);
        ConsentChain.Seal(young, old.Hash!);
        db.AddRange(
            Submission("oud", now.AddMonths(-24).AddMinutes(-1)),
            Submission("net-niet", now.AddMonths(-24).AddMinutes(1)),
            old,
            young,
            new AuditEntry { At = now.AddMonths(-24).AddMinutes(-1).UtcDateTime, Actor = "lars@interoffice.nl", Action = AuditAction.ViewSubmission, Target = "oud" },
            new AuditEntry { At = now.AddMonths(-24).AddMinutes(1).UtcDateTime, Actor = "lars@interoffice.nl", Action = AuditAction.ViewSubmission, Target = "net-niet" });
        await db.SaveChangesAsync();

        var result = await job.RunOnceAsync(CancellationToken.None);

        Assert.Equal((1, 1, 1, 0), (result["contact submissions"], result["consent records"], result["audit log entries"], result["unowned mail files"]));
        Assert.Equal(["net-niet"], await db.Set<ContactSubmission>().AsNoTracking().Select(s => s.Name).ToListAsync());
        Assert.Equal(["net-niet"], await db.Set<ConsentRecord>().AsNoTracking().Select(r => r.ConsentId).ToListAsync());
        Assert.DoesNotContain("oud", await db.Set<AuditEntry>().AsNoTracking().Select(a => a.Target).ToListAsync());
        Assert.Contains("net-niet", await db.Set<AuditEntry>().AsNoTracking().Select(a => a.Target).ToListAsync());

        // The operator's log counts each kind.
        var lines = site.LogEvents.Select(e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        foreach (var what in new[] { "contact submissions", "consent records", "audit log entries" })
        {
            Assert.Contains($"Retention: deleted 1 {what}", lines);
        }
    }

    private static ContactSubmission Submission(string name, DateTimeOffset receivedAt) =>
        ContactSubmission.Receive("IO-" + name.ToUpperInvariant().PadRight(8, 'X')[..8], receivedAt.UtcDateTime, ContactKind.General, name, $"{name}@example.nl", phone: null, name);

    [Fact]
    public async Task Staff_read_the_audit_log_with_who_did_what_and_never_a_message()
    {
        var submission = await Support.Staff.AddSubmissionAsync(site, "Piet", "piet@example.nl", "Geheime inhoud van het bericht", site.Now());
        await staff.PageAsync($"/beheer/berichten/{submission.Id}");

        var log = await staff.PageAsync("/beheer/logboek");
        var rows = log.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();

        Assert.Contains(rows, r => r.Contains("lars@interoffice.nl", StringComparison.Ordinal) && r.Contains(AuditAction.ViewSubmission, StringComparison.Ordinal) && r.Contains(submission.Reference, StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains(AuditAction.SignIn, StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.Contains("Geheime inhoud", StringComparison.Ordinal));
    }
}
