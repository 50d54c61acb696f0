using System.Net;
using System.Text;
using Interoffice.Web.Features.Contact;
using Interoffice.Web.Features.Staff;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Interoffice.Web.Tests.Staff;

public sealed class InboxTests : IAsyncLifetime
{
    private readonly SiteFactory site = new();
    private readonly Visitor staff;
    private readonly DateTime now = TestTime.Start.UtcDateTime;

    public InboxTests() => staff = Visitor.Of(site);

    public async Task InitializeAsync()
    {
        await Support.Staff.CreateAsync(site, "karin@interoffice.nl");
        using var _ = await Support.Staff.SignInAsync(staff, "karin@interoffice.nl");
    }

    public async Task DisposeAsync()
    {
        staff.Dispose();
        await site.DisposeAsync();
    }

    [Fact]
    public async Task Submissions_come_newest_first_with_overdue_privacy_requests_on_top()
    {
        await Support.Staff.AddSubmissionAsync(site, "Oud", "oud@example.nl", "algemeen", now.AddDays(-40));
        await Support.Staff.AddSubmissionAsync(site, "Nieuw", "nieuw@example.nl", "algemeen", now.AddHours(-1));
        await Support.Staff.AddSubmissionAsync(site, "Te laat", "laat@example.nl", "inzage graag", now.AddDays(-35), ContactKind.Access);
        await Support.Staff.AddSubmissionAsync(site, "Op tijd", "tijd@example.nl", "verwijder mij", now.AddDays(-3), ContactKind.Erasure);

        var rows = (await staff.PageAsync("/beheer")).QuerySelectorAll("tbody tr").ToList();

        Assert.Equal(["Te laat", "Op tijd", "Nieuw", "Oud"], rows.Select(r => r.Children[2].TextContent));
        Assert.Contains("table-danger", rows[0].ClassName, StringComparison.Ordinal);
        Assert.StartsWith("Te laat:", rows[0].Children[4].TextContent.Trim(), StringComparison.Ordinal);
        Assert.StartsWith("Uiterlijk", rows[1].Children[4].TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_from_the_last_day_of_a_month_is_on_top_from_the_moment_it_is_called_overdue()
    {
        // One month after 31 January is 28 February for the site; SQLite's own date arithmetic would say 3 March.
        var late = await Support.Staff.AddSubmissionAsync(site, "Eind januari", "jan@example.nl", "inzage graag", new DateTime(2027, 1, 31, 10, 0, 0, DateTimeKind.Utc), ContactKind.Access);
        await Support.Staff.AddSubmissionAsync(site, "Februari", "feb@example.nl", "verwijder mij", new DateTime(2027, 2, 20, 10, 0, 0, DateTimeKind.Utc), ContactKind.Erasure);
        var firstOfMarch = new DateTime(2027, 3, 1, 12, 0, 0, DateTimeKind.Utc);

        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        var list = await Areas.Beheer.Features.Inbox.InboxQueries.Page(db, new(), firstOfMarch, 1).ToListAsync();

        Assert.True(late.IsOverdue(firstOfMarch));
        Assert.Equal(["Eind januari", "Februari"], list.Select(s => s.Name));
    }

    [Fact]
    public async Task A_request_is_overdue_in_the_list_and_on_its_own_page_from_the_same_moment()
    {
        var request = await Support.Staff.AddSubmissionAsync(site, "Grens", "grens@example.nl", "inzage graag", new DateTime(2027, 4, 30, 10, 0, 0, DateTimeKind.Utc), ContactKind.Access);
        var due = request.DueAt!.Value;

        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        foreach (var moment in new[] { due.AddSeconds(-1), due, due.AddSeconds(1), due.AddDays(3) })
        {
            var inList = await db.Set<ContactSubmission>().Where(s => s.Id == request.Id).AnyAsync(ContactSubmission.Overdue(moment));
            Assert.True(inList == request.IsOverdue(moment), $"the list and the page disagree at {moment:O}");
        }

        Assert.Equal(new DateTime(2027, 5, 30, 10, 0, 0, DateTimeKind.Utc), due);
        Assert.True(request.IsOverdue(due.AddSeconds(1)));
        Assert.False(request.IsOverdue(due));
    }

    [Fact]
    public async Task Staff_filter_by_status_and_kind_search_the_text_and_page_through()
    {
        for (var i = 0; i < 25; i++)
        {
            await Support.Staff.AddSubmissionAsync(site, $"Klant {i:00}", $"klant{i}@example.nl", i == 7 ? "Vraag over de toner van onze MFP" : "Algemene vraag", now.AddMinutes(-i));
        }

        await Support.Staff.AddSubmissionAsync(site, "Bezwaar", "b@example.nl", "bezwaar", now.AddDays(-1), ContactKind.Objection, SubmissionStatus.Handled);

        var first = await staff.PageAsync("/beheer");
        var second = await staff.PageAsync("/beheer?pagina=2");
        Assert.Equal(26, InboxRowsOn(first) + InboxRowsOn(second));
        Assert.Equal(20, InboxRowsOn(first));
        Assert.Equal("Klant 07", (await SearchAsync("toner")).QuerySelector("tbody tr td:nth-child(3)")?.TextContent);
        Assert.Equal(1, InboxRowsOn(await SearchAsync("klant7@example")));
        Assert.Equal(1, InboxRowsOn(await staff.PageAsync("/beheer?status=Handled")));
        Assert.Equal("Bezwaar", (await staff.PageAsync("/beheer?soort=Objection")).QuerySelector("tbody tr td:nth-child(3)")?.TextContent);
        Assert.Equal(0, InboxRowsOn(await SearchAsync("100%")));

        // Paging through a search posts the search again; the page addresses stay free of it.
        var firstOfSearch = await SearchAsync("Algemene vraag");
        Assert.Equal(20, InboxRowsOn(firstOfSearch));
        var pageTwo = firstOfSearch.QuerySelectorAll("nav form").Single(f => f.QuerySelector("button")!.TextContent == "2");
        Assert.Equal("/beheer", pageTwo.GetAttribute("action"));
        var fields = pageTwo.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).Append(new("pagina", "2")).ToList();
        using (var content = new FormUrlEncodedContent(fields))
        using (var nextPage = await staff.SendAsync(HttpMethod.Post, "/beheer", content))
        {
            Assert.Equal(4, InboxRowsOn(await Html.ParseAsync(await nextPage.Content.ReadAsStringAsync())));
        }

        // A search in an address (an old bookmark, a typed link) is not carried out.
        Assert.Equal(20, InboxRowsOn(await staff.PageAsync("/beheer?Search=toner")));
    }

    [Fact]
    public async Task A_search_takes_percent_underscore_and_brackets_as_the_characters_staff_typed()
    {
        await Support.Staff.AddSubmissionAsync(site, "Korting", "korting@example.nl", "Graag 50% korting op toner", now.AddHours(-1));
        await Support.Staff.AddSubmissionAsync(site, "Vijftig", "vijftig@example.nl", "Graag 50 procent korting", now.AddHours(-2));
        await Support.Staff.AddSubmissionAsync(site, "Spoed", "spoed@example.nl", "[spoed] printer staat stil", now.AddHours(-3));
        await Support.Staff.AddSubmissionAsync(site, "Geen haken", "haken@example.nl", "s printer staat stil", now.AddHours(-4));
        await Support.Staff.AddSubmissionAsync(site, "Map", "map@example.nl", "bestand in map_a gezet", now.AddHours(-5));
        await Support.Staff.AddSubmissionAsync(site, "Mapje", "mapje@example.nl", "bestand in mapXa gezet", now.AddHours(-6));

        // Unescaped, "[s]" would find "s printer" (on SQL Server a set of one letter) and "map_a" also "mapXa".
        foreach (var (term, found) in new (string, string[])[] { ("50%", ["Korting"]), ("[spoed]", ["Spoed"]), ("[s]", []), ("map_a", ["Map"]) })
        {
            var names = (await SearchAsync(term)).QuerySelectorAll("tbody tr td:nth-child(3)").Select(c => c.TextContent).ToList();
            Assert.Equal(found, names);
        }
    }

    [Fact]
    public async Task Staff_read_every_time_in_Amsterdam_time_in_summer_and_in_winter_on_screen_and_in_the_export()
    {
        // Both came in at 07:49 in Winschoten: 05:49 UTC in summer, 06:49 UTC in winter.
        var summer = await Support.Staff.AddSubmissionAsync(site, "Zomer", "zomer@example.nl", "in de zomer", new DateTime(2026, 7, 1, 5, 49, 0, DateTimeKind.Utc), ContactKind.Access);
        var winter = await Support.Staff.AddSubmissionAsync(site, "Winter", "winter@example.nl", "in de winter", new DateTime(2026, 1, 15, 6, 49, 0, DateTimeKind.Utc));

        var list = (await staff.PageAsync("/beheer")).QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(list, r => r.Contains("Zomer", StringComparison.Ordinal) && r.Contains("1 jul 2026 07:49", StringComparison.Ordinal));
        Assert.Contains(list, r => r.Contains("Winter", StringComparison.Ordinal) && r.Contains("15 jan 2026 07:49", StringComparison.Ordinal));

        var detail = (await staff.PageAsync($"/beheer/berichten/{summer.Id}")).QuerySelector("main")!.TextContent;
        Assert.Contains("1 juli 2026 07:49", detail, StringComparison.Ordinal);
        Assert.Contains("beantwoorden uiterlijk 1 augustus 2026", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("UTC", detail, StringComparison.Ordinal);

        using var export = await staff.SendAsync(HttpMethod.Get, "/beheer/berichten/export.csv");
        var csv = await export.Content.ReadAsStringAsync();
        Assert.Contains("\"Ontvangen (tijd Amsterdam)\"", csv, StringComparison.Ordinal);
        Assert.Contains($"\"{summer.Reference}\";\"2026-07-01 07:49\"", csv, StringComparison.Ordinal);
        Assert.Contains($"\"{winter.Reference}\";\"2026-01-15 07:49\"", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_a_submission_and_marking_it_handled_records_who_and_when()
    {
        var submission = await Support.Staff.AddSubmissionAsync(site, "Lotte", "lotte@example.nl", "Regel 1\nRegel 2 <b>niet vet</b>", now.AddHours(-2));

        var detail = await staff.PageAsync($"/beheer/berichten/{submission.Id}");
        Assert.Contains("<b>niet vet</b>", detail.QuerySelector(".message-text")!.TextContent, StringComparison.Ordinal);
        Assert.Null(detail.QuerySelector(".message-text b"));
        using var handled = await Support.Staff.PostFormAsync(staff, $"/beheer/berichten/{submission.Id}", $"/beheer/berichten/{submission.Id}/status", ("Status", "Handled"));
        Assert.Equal(HttpStatusCode.Redirect, handled.StatusCode);

        var stored = await FindAsync(submission.Id);
        Assert.Equal(SubmissionStatus.Handled, stored!.Status);
        Assert.Equal("karin@interoffice.nl", stored.HandledBy);
        Assert.NotNull(stored.HandledAt);
        Assert.Contains("Afgehandeld door karin@interoffice.nl", (await staff.PageAsync($"/beheer/berichten/{submission.Id}")).Body!.TextContent, StringComparison.Ordinal);

        using var reopened = await Support.Staff.PostFormAsync(staff, $"/beheer/berichten/{submission.Id}", $"/beheer/berichten/{submission.Id}/status", ("Status", "New"));
        Assert.Equal(SubmissionStatus.New, (await FindAsync(submission.Id))!.Status);
        // Each page view of the submission is audited, as is each change.
        Assert.Equal([AuditAction.ViewSubmission, AuditAction.ViewSubmission, AuditAction.MarkHandled, AuditAction.ViewSubmission, AuditAction.ViewSubmission, AuditAction.MarkNew],
            await AuditAsync(submission.Reference));
    }

    [Fact]
    public async Task Deleting_asks_for_confirmation_first_and_then_removes_the_submission()
    {
        var submission = await Support.Staff.AddSubmissionAsync(site, "Mees", "mees@example.nl", "weg ermee", now);

        var confirm = await staff.PageAsync($"/beheer/berichten/{submission.Id}/verwijderen");
        Assert.Contains("definitief verwijderd", confirm.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(await FindAsync(submission.Id));

        using var deleted = await Support.Staff.PostFormAsync(staff, $"/beheer/berichten/{submission.Id}/verwijderen", $"/beheer/berichten/{submission.Id}/verwijderen");

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Null(await FindAsync(submission.Id));
        Assert.Contains(AuditAction.DeleteSubmission, await AuditAsync(submission.Reference));
    }

    [Fact]
    public async Task The_csv_export_holds_the_filtered_list_and_no_cell_can_run_as_a_formula()
    {
        await Support.Staff.AddSubmissionAsync(site, "=HYPERLINK(\"http://evil.example\")", "formule@example.nl", "+31 6 en -1 en @SUM(A1)", now, ContactKind.Access);
        await Support.Staff.AddSubmissionAsync(site, "Niet mee", "niet@example.nl", "algemeen", now);

        var (response, _) = await staff.GetAsync("/beheer/berichten/export.csv?soort=Access");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var csv = Encoding.UTF8.GetString(bytes);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\"", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"'+31 6 en -1 en @SUM(A1)\"", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain(lines[1].Split(';'), cell => cell.TrimStart('"').StartsWith('='));
        await using var scope = site.Services.CreateAsyncScope();
        Assert.Contains(await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Set<AuditEntry>().Select(a => a.Action).ToListAsync(), a => a == AuditAction.ExportSubmissions);
    }

    [Fact]
    public async Task A_search_is_audited_without_the_words_searched_for()
    {
        await Support.Staff.AddSubmissionAsync(site, "Henk Vos", "henk.vos@example.nl", "Vraag over de nietjes", now);

        var found = await SearchAsync("henk.vos", ("status", "New"));
        Assert.Equal(1, InboxRowsOn(found));
        using (var exported = await Support.Staff.PostFormOnAsync(staff, found, "/beheer/berichten/export.csv"))
        {
            Assert.Contains("Henk Vos", await exported.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await using var scope = site.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Set<AuditEntry>().AsNoTracking().ToListAsync();
        Assert.Contains(audit, a => a.Action == AuditAction.SearchSubmissions && a.Target == "1 gevonden" && a.Actor == "karin@interoffice.nl");
        Assert.Contains(audit, a => a.Action == AuditAction.ExportSubmissions && a.Target == "1 berichten (status nieuw, met zoekterm)");
        Assert.DoesNotContain(audit, a => $"{a.Actor} {a.Target}".Contains("henk", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Types in the inbox's search box and sends the form, as staff do: a post, never an address.</summary>
    private async Task<AngleSharp.Dom.IDocument> SearchAsync(string term, params (string Name, string Value)[] more)
    {
        using var response = await Support.Staff.PostFormAsync(staff, "/beheer", "/beheer", [("Search", term), .. more]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(await response.Content.ReadAsStringAsync());
    }

    private static int InboxRowsOn(AngleSharp.Dom.IDocument page) => page.QuerySelectorAll("tbody tr").Length;

    private async Task<ContactSubmission?> FindAsync(Guid id)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Set<ContactSubmission>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id);
    }

    private async Task<List<string>> AuditAsync(string reference)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Set<AuditEntry>().Where(a => a.Target == reference).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
    }
}
