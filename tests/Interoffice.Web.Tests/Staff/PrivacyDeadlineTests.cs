using System.Net;
using Interoffice.Web.Features.Contact;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Email;
using Interoffice.Web.Infrastructure.Hosting;
using Interoffice.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Interoffice.Web.Tests.Staff;

/// <summary>Privacy requests' legal deadline as staff keep it: nearest first, extended once with a reason the person is told, and a daily reminder.</summary>
public sealed class PrivacyDeadlineTests : IAsyncLifetime
{
    private readonly SmtpSink smtp = SmtpSink.Started();
    private readonly SiteFactory site;
    private readonly FakeTimeProvider clock;
    private Visitor staff = null!;

    public PrivacyDeadlineTests()
    {
        // 07:30 in Amsterdam, before the hour the reminder waits for.
        var today = DutchTime.StartOfDayUtc(DutchTime.Day(TestTime.Start.UtcDateTime));
        clock = TestTime.NewClock(new DateTimeOffset(today.AddHours(7.5), TimeSpan.Zero));
        site = new SiteFactory { Clock = clock }.With("Site:BaseUrl", "https://www.interoffice.nl").WithSmtp(smtp);
    }

    public async Task InitializeAsync()
    {
        await Support.Staff.CreateAsync(site, "privacy@interoffice.nl");
        staff = Visitor.Of(site);
        (await Support.Staff.SignInAsync(staff, "privacy@interoffice.nl")).Dispose();
    }

    public async Task DisposeAsync()
    {
        staff.Dispose();
        await site.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task The_inbox_shows_open_requests_nearest_deadline_first_then_the_rest_newest_first()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await AddAsync("Vraag", now.AddHours(-1), ContactKind.General);
        await AddAsync("Over drie weken", now.AddDays(-9), ContactKind.Access);
        await AddAsync("Over vijf dagen", now.AddDays(-26), ContactKind.Erasure);
        await AddAsync("Over twee weken", now.AddDays(-16), ContactKind.Objection);
        await AddAsync("Te laat", now.AddDays(-33), ContactKind.Portability);

        var names = (await staff.PageAsync("/beheer")).QuerySelectorAll("tbody tr td:nth-child(3)").Select(c => c.TextContent).ToList();
        Assert.Equal(["Te laat", "Over vijf dagen", "Over twee weken", "Over drie weken", "Vraag"], names);
    }

    [Fact]
    public async Task A_deadline_is_extended_once_by_two_months_with_a_reason_that_is_mailed_to_the_person()
    {
        var request = await AddAsync("Eva Smit", clock.GetUtcNow().UtcDateTime.AddDays(-20), ContactKind.Access, "eva.smit@example.nl");
        var detail = $"/beheer/berichten/{request.Id}";

        using (var empty = await Support.Staff.PostFormAsync(staff, detail, $"{detail}/termijn", ("reason", " ")))
        {
            var page = await Html.ParseAsync(await empty.Content.ReadAsStringAsync());
            Assert.Contains("Geef de reden voor de verlenging", page.QuerySelector("#fouten")!.TextContent, StringComparison.Ordinal);
        }

        using (var extended = await Support.Staff.PostFormAsync(staff, detail, $"{detail}/termijn", ("reason", "Wij moeten de gegevens uit ons archief halen.")))
        {
            Assert.Equal(HttpStatusCode.Redirect, extended.StatusCode);
        }

        var due = request.DueAt!.Value.AddMonths(2);
        var text = SelfServicing.Text(await staff.PageAsync(detail));
        Assert.Contains($"beantwoorden uiterlijk {DutchTime.Format(due)}", text, StringComparison.Ordinal);
        Assert.Contains("reden: Wij moeten de gegevens uit ons archief halen.", text, StringComparison.Ordinal);
        Assert.Null((await staff.PageAsync(detail)).QuerySelector($"form[action='{detail}/termijn']"));

        Assert.True(await smtp.WaitForAsync(1, Eventually.Deadline));
        var mail = Assert.Single(smtp.Messages);
        Assert.Equal("eva.smit@example.nl", mail.To.Mailboxes.Single().Address);
        Assert.Contains($"uiterlijk {DutchTime.Format(due, "d MMMM yyyy")}", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Wij moeten de gegevens uit ons archief halen.", mail.TextBody, StringComparison.Ordinal);

        // A second extension is refused, even posted by hand with a valid token.
        using var second = await PostWithTokenAsync(detail, $"{detail}/termijn", ("reason", "nog meer tijd"));
        Assert.Contains("kan niet (meer) worden verlengd", SelfServicing.Text(await Html.ParseAsync(await second.Content.ReadAsStringAsync())), StringComparison.Ordinal);
        Assert.Contains($"beantwoorden uiterlijk {DutchTime.Format(due)}", SelfServicing.Text(await staff.PageAsync(detail)), StringComparison.Ordinal);
        Assert.Single(smtp.Messages);
    }

    [Fact]
    public async Task A_request_past_its_deadline_can_no_longer_be_extended()
    {
        var request = await AddAsync("Tom Kok", clock.GetUtcNow().UtcDateTime.AddDays(-35), ContactKind.Access, "tom@example.nl");
        var detail = $"/beheer/berichten/{request.Id}";
        Assert.Null((await staff.PageAsync(detail)).QuerySelector($"form[action='{detail}/termijn']"));

        using var late = await PostWithTokenAsync(detail, $"{detail}/termijn", ("reason", "te laat bedacht"));
        Assert.Contains("kan niet (meer) worden verlengd", SelfServicing.Text(await Html.ParseAsync(await late.Content.ReadAsStringAsync())), StringComparison.Ordinal);
        Assert.Contains("de termijn is verstreken", SelfServicing.Text(await staff.PageAsync(detail)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_a_day_staff_get_one_mail_with_the_requests_due_within_seven_days_and_nothing_personal()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var soon = await AddAsync("Bram Mulder", now.AddDays(-25), ContactKind.Erasure, "bram@example.nl");
        var late = await AddAsync("Lotte Jong", now.AddDays(-40), ContactKind.Access, "lotte@example.nl");
        var later = await AddAsync("Kees Boer", now.AddDays(-10), ContactKind.Access, "kees@example.nl");
        var reminder = site.Services.GetRequiredService<DeadlineReminder>();

        Assert.False(await reminder.RunOnceAsync(CancellationToken.None), "07:30: not yet");
        clock.Advance(TimeSpan.FromHours(2));
        Assert.True(await reminder.RunOnceAsync(CancellationToken.None));
        Assert.False(await reminder.RunOnceAsync(CancellationToken.None));

        Assert.True(await smtp.WaitForAsync(1, Eventually.Deadline));
        var mail = Assert.Single(smtp.Messages);
        Assert.Equal("info@interoffice.nl", mail.To.Mailboxes.Single().Address);
        Assert.Contains("2 binnen 7 dagen", mail.Subject, StringComparison.Ordinal);
        var body = mail.TextBody!;
        Assert.True(body.IndexOf(late.Reference, StringComparison.Ordinal) < body.IndexOf(soon.Reference, StringComparison.Ordinal), "the overdue one first");
        Assert.Contains($"https://www.interoffice.nl/beheer/berichten/{soon.Id}", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(later.Reference, mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Bram", mail.TextBody + mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("bram@", mail.TextBody + mail.HtmlBody, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromDays(1));
        Assert.True(await reminder.RunOnceAsync(CancellationToken.None), "the next day again");

        // A month on, the old reminders have left the outbox; the new one is there.
        await Outgoing.SettleAsync(site);
        Assert.Equal(2, smtp.Messages.Count);
        clock.Advance(TimeSpan.FromDays(32));
        Assert.True(await reminder.RunOnceAsync(CancellationToken.None));
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        Assert.Equal(1, await db.Set<OutboxMessage>().CountAsync(m => m.CorrelationId == PrivacyRequestMails.Reminders));
    }

    // A post as a hand-made form would send it: the page's antiforgery token, another action.
    private async Task<HttpResponseMessage> PostWithTokenAsync(string page, string action, params (string Name, string Value)[] fields)
    {
        var token = (await staff.PageAsync(page)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
        return await staff.SendAsync(HttpMethod.Post, action, content);
    }

    private async Task<ContactSubmission> AddAsync(string name, DateTime receivedAt, ContactKind kind, string? email = null) =>
        await Support.Staff.AddSubmissionAsync(site, name, email ?? $"{name.Replace(' ', '.')}@example.nl", "verzoek", receivedAt, kind);
}
