using System.Net;
using Interoffice.Web.Features.News;
using Interoffice.Web.Features.Newsletter;
using Interoffice.Web.Features.Staff;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Email;
using Interoffice.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Serilog.Events;

namespace Interoffice.Web.Tests.Newsletter;

/// <summary>Staff send a newsletter; every confirmed subscriber gets one copy, at the set rate, as bulk mail that can be left in one click.</summary>
public sealed class SendingTests : IAsyncLifetime
{
    private readonly SmtpSink smtp = SmtpSink.Started();
    private readonly SiteFactory site;
    private Visitor staff = null!;

    // A site of its own per test: each moves the clock through the lane's minutes.
    public SendingTests() =>
        site = new SiteFactory().With("Site:BaseUrl", "https://www.interoffice.nl").WithSmtp(smtp).With("Newsletter:MessagesPerMinute", "60");

    public async Task InitializeAsync()
    {
        _ = site.Services;
        await Support.Staff.CreateAsync(site, "redactie@interoffice.nl");
        staff = Visitor.Of(site);
        using var signedIn = await Support.Staff.SignInAsync(staff, "redactie@interoffice.nl");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    public async Task DisposeAsync()
    {
        staff.Dispose();
        await site.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_newsletter_to_200_subscribers_reaches_each_once_as_bulk_mail_with_both_unsubscribe_headers_and_never_faster_than_set()
    {
        var subscribers = await Subscribing.ConfirmedAsync(site, 200);
        using (var visitor = Visitor.Of(site))
        {
            (await Subscribing.SignUpAsync(visitor, "onbevestigd@example.nl")).Dispose();
        }

        Assert.True(await smtp.WaitForAsync(1, Eventually.Deadline));
        smtp.Messages.Clear();

        var (confirmation, sent) = await NewsletterStaff.SendAsync(staff, "Nieuws van december", "Wij zijn **verhuisd**. Lees [meer](/nieuws).");
        Assert.Contains("Versturen aan 200 abonnees?", confirmation.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);

        // 60 in the first minute and then nothing, however often the sender looks, until the minute is over.
        foreach (var (advance, expected) in new[] { (0, 60), (30, 60), (31, 120), (61, 180), (61, 200) })
        {
            site.Clock.Advance(TimeSpan.FromSeconds(advance));
            await Outgoing.SettleAsync(site);
            Assert.Equal(expected, smtp.Messages.Count);
        }

        // A repeated confirmation sends nothing more.
        using (var twice = await Support.Staff.PostFormOnAsync(staff, confirmation, "/beheer/nieuwsbrief/versturen"))
        {
            Assert.Equal(HttpStatusCode.SeeOther, twice.StatusCode);
        }

        Assert.Contains("al verstuurd", (await staff.PageAsync("/beheer/nieuwsbrief")).QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        site.Clock.Advance(TimeSpan.FromMinutes(5));
        await Outgoing.SettleAsync(site);

        var mails = smtp.Messages.ToList();
        Assert.Equal(subscribers.Order(), mails.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.All(mails, AssertBulkMailWithOneClickUnsubscribe);

        // Nothing differs between two copies but the unsubscribe link: no pixel, no rewritten link.
        Assert.Single(mails.Select(m => m.TextBody!.Replace(Subscribing.UnsubscribeHeaderOf(m), "…", StringComparison.Ordinal)).Distinct());
        Assert.Single(mails.Select(m => m.HtmlBody!.Replace(Subscribing.UnsubscribeHeaderOf(m), "…", StringComparison.Ordinal)).Distinct());
        Assert.DoesNotContain("<img", mails[0].HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<a href=\"https://www.interoffice.nl/nieuws\">meer</a>", mails[0].HtmlBody, StringComparison.Ordinal);

        // The outbox's own record: in no minute more than 60 left.
        var times = await SentTimesAsync();
        Assert.Equal(200, times.Count);
        Assert.All(times, t => Assert.True(times.Count(u => u > t.AddMinutes(-1) && u <= t) <= 60, $"more than 60 in the minute before {t:O}"));

        Assert.Contains(await AuditAsync(), e => e.Action == AuditAction.SendNewsletter && e.Target == "Nieuws van december (aan 200 abonnees)");
        Assert.Contains(site.LogEvents, e => e.MessageTemplate.Text.StartsWith("Outbox: sent", StringComparison.Ordinal));
        Assert.DoesNotContain(site.LogEvents, e => e.Level >= LogEventLevel.Information && e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("@example.nl", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Staff_preview_a_newsletter_from_a_news_item_and_try_it_on_themselves_before_anyone_gets_it()
    {
        await Subscribing.ConfirmedAsync(site, 2);
        var item = await NewsItemAsync("Nieuwe printers", "Wij leveren nu ook *kleurenprinters*.\n\n<script>alert('x')</script>\n\n![Logo](/favicon.svg)\n\n[Contact](/contact)");

        var editor = await staff.PageAsync($"/beheer/nieuwsbrief/schrijven?nieuws={item.Id}");
        Assert.Equal("Nieuwe printers", editor.QuerySelector("input[name=Subject]")!.GetAttribute("value"));
        Assert.Contains("/nieuws/nieuwe-printers", editor.QuerySelector("textarea[name=Body]")!.TextContent, StringComparison.Ordinal);

        using var previewed = await Support.Staff.PostFormOnAsync(staff, editor, "/beheer/nieuwsbrief/schrijven", ("Subject", "Nieuwe printers"), ("Body", editor.QuerySelector("textarea[name=Body]")!.TextContent), ("Actie", "voorbeeld"));
        var preview = await Html.ParseAsync(await previewed.Content.ReadAsStringAsync());
        Assert.Equal("kleurenprinters", preview.QuerySelector("section[aria-labelledby=voorbeeld] .news-body em")?.TextContent);
        Assert.Null(preview.QuerySelector("section[aria-labelledby=voorbeeld] script"));

        using var tried = await Support.Staff.PostFormOnAsync(staff, preview, "/beheer/nieuwsbrief/schrijven", ("Subject", "Nieuwe printers"), ("Body", editor.QuerySelector("textarea[name=Body]")!.TextContent), ("Actie", "proef"));
        Assert.Contains("Proefmail verstuurd naar redactie@interoffice.nl", await tried.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await Outgoing.SettleAsync(site);

        var test = Assert.Single(smtp.Messages);
        Assert.Equal("redactie@interoffice.nl", test.To.Mailboxes.Single().Address);
        Assert.Equal("[Proef] Nieuwe printers", test.Subject);
        AssertBulkMailWithOneClickUnsubscribe(test, bulk: false);
        Assert.DoesNotContain("<script", test.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<img src=\"https://www.interoffice.nl/favicon.svg\"", test.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("https://www.interoffice.nl/nieuws/nieuwe-printers", test.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Wij leveren nu ook *kleurenprinters*.", test.TextBody, StringComparison.Ordinal);

        // The test mail's unsubscribe link unsubscribes nobody.
        using var oneClick = await OneClickAsync(Subscribing.UnsubscribeHeaderOf(test));
        Assert.Equal(2, await ConfirmedAsync());
    }

    private static void AssertBulkMailWithOneClickUnsubscribe(MimeMessage mail) => AssertBulkMailWithOneClickUnsubscribe(mail, bulk: true);

    private static void AssertBulkMailWithOneClickUnsubscribe(MimeMessage mail, bool bulk)
    {
        var unsubscribe = Subscribing.UnsubscribeHeaderOf(mail);
        Assert.StartsWith("https://www.interoffice.nl/nieuwsbrief/afmelden?code=", unsubscribe, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        Assert.Equal("auto-generated", mail.Headers["Auto-Submitted"]);
        Assert.Equal(bulk ? "bulk" : null, mail.Headers["Precedence"]);
        Assert.Equal(bulk ? "Nieuwsbrief Interoffice <nieuwsbrief.interoffice.nl>" : null, mail.Headers["List-Id"]);
        Assert.Contains(unsubscribe, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(unsubscribe, mail.HtmlBody, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> OneClickAsync(string url)
    {
        using var client = site.CreateDefaultClient(new Uri("https://www.interoffice.nl"));
        using var body = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);
        return await client.PostAsync(new Uri(url), body);
    }

    private async Task<NewsItem> NewsItemAsync(string title, string body)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        var item = NewsItem.Draft(NewsSlug.From(title), title, "Een samenvatting.", body, site.Now());
        item.Publish(site.Now());
        db.Add(item);
        await db.SaveChangesAsync();
        return item;
    }

    private async Task<int> ConfirmedAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Set<Subscriber>().CountAsync(s => s.ConfirmedAt != null);
    }

    private async Task<List<DateTime>> SentTimesAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Set<OutboxMessage>()
            .Where(m => m.Lane == NewsletterMails.Lane && m.SentAt != null).Select(m => m.SentAt!.Value).ToListAsync();
    }

    private async Task<List<AuditEntry>> AuditAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Set<AuditEntry>().ToListAsync();
    }
}
