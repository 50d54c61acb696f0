using System.Net;
using Interoffice.Web.Features.Newsletter;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Interoffice.Web.Tests.Newsletter;

/// <summary>Leaving the newsletter: one click in the mail program, or the link in the mail; what is kept, and what staff see.</summary>
public sealed class UnsubscribeTests : IAsyncLifetime
{
    private readonly SmtpSink smtp = SmtpSink.Started();
    private readonly SiteFactory site;
    private Visitor staff = null!;

    public UnsubscribeTests() => site = new SiteFactory().With("Site:BaseUrl", "https://www.interoffice.nl").WithSmtp(smtp);

    public async Task InitializeAsync()
    {
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
    public async Task One_click_from_the_mail_program_without_cookie_or_page_unsubscribes_and_no_further_newsletter_comes()
    {
        await Subscribing.ConfirmedAsync(site, 3);
        var first = await SendAsync("Eerste nieuwsbrief", 3);
        var leaving = first.Single(m => m.To.Mailboxes.Single().Address == "abonnee002@example.nl");

        // As a mail program does it (RFC 8058): a POST to the header's address, no cookie, no browser signals.
        using (var client = site.CreateDefaultClient(new Uri("https://www.interoffice.nl")))
        using (var body = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]))
        using (var answer = await client.PostAsync(new Uri(Subscribing.UnsubscribeHeaderOf(leaving)), body))
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.False(answer.Headers.Contains("Set-Cookie"));
        }

        // The address is gone from every file; only a keyed hash stands for it.
        Assert.Empty(DataFolder.FilesContaining(site.DataFolder, "abonnee002@example.nl"));
        Assert.NotEmpty(DataFolder.FilesContaining(site.DataFolder, "abonnee001@example.nl"));

        var second = await SendAsync("Tweede nieuwsbrief", 2);
        Assert.DoesNotContain(second, m => m.To.Mailboxes.Single().Address == "abonnee002@example.nl");

        // Staff see that one left, not who.
        var page = await staff.PageAsync("/beheer/nieuwsbrief");
        Assert.Contains("1 afgemeld in totaal", page.QuerySelector("main")!.TextContent.Normalized(), StringComparison.Ordinal);
        Assert.DoesNotContain("abonnee002", page.Body!.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_link_in_the_mail_shows_one_button_without_sign_in_and_a_changed_link_unsubscribes_nobody()
    {
        await Subscribing.ConfirmedAsync(site, 2);
        var mails = await SendAsync("Nieuws", 2);
        var link = Subscribing.UnsubscribeHeaderOf(mails.Single(m => m.To.Mailboxes.Single().Address == "abonnee001@example.nl"));
        Assert.Contains(mails, m => m.TextBody!.Contains(link, StringComparison.Ordinal) && m.HtmlBody!.Contains(link, StringComparison.Ordinal));

        using var reader = Visitor.Of(site);
        var forged = link[..^4] + (link[^4..] == "AAAA" ? "BBBB" : "AAAA");
        var forgedPage = await reader.PageAsync(new Uri(forged).PathAndQuery);
        using (var refused = await Subscribing.PostAsync(reader, "/nieuwsbrief/afmelden", new Dictionary<string, string> { ["code"] = forgedPage.QuerySelector("input[name=code]")!.GetAttribute("value")! }))
        {
            Assert.Contains("werkt niet", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var client = site.CreateDefaultClient(new Uri("https://www.interoffice.nl")))
        using (var body = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]))
        using (var oneClick = await client.PostAsync(new Uri(forged), body))
        {
            Assert.Equal(HttpStatusCode.BadRequest, oneClick.StatusCode);
        }

        Assert.Equal(2, await ConfirmedAsync());

        var page = await reader.PageAsync(new Uri(link).PathAndQuery);
        Assert.Single(page.QuerySelectorAll("main button"));
        using var done = await Subscribing.PostAsync(reader, "/nieuwsbrief/afmelden", new Dictionary<string, string> { ["code"] = page.QuerySelector("input[name=code]")!.GetAttribute("value")! });
        Assert.Equal(HttpStatusCode.SeeOther, done.StatusCode);
        Assert.Equal("/nieuwsbrief/afgemeld", done.Headers.Location!.OriginalString);
        Assert.Equal(1, await ConfirmedAsync());
    }

    [Fact]
    public async Task Staff_cannot_sign_up_an_address_that_left_but_the_person_can_and_then_gets_the_newsletter_again()
    {
        await Subscribing.ConfirmedAsync(site, 1, prefix: "terug");
        var mail = (await SendAsync("Nieuws", 1)).Single();
        using (var reader = Visitor.Of(site))
        {
            var page = await reader.PageAsync(new Uri(Subscribing.UnsubscribeHeaderOf(mail)).PathAndQuery);
            (await Subscribing.PostAsync(reader, "/nieuwsbrief/afmelden", new Dictionary<string, string> { ["code"] = page.QuerySelector("input[name=code]")!.GetAttribute("value")! })).Dispose();
        }

        smtp.Messages.Clear();
        using (var byStaff = await Support.Staff.PostFormAsync(staff, "/beheer/nieuwsbrief", "/beheer/nieuwsbrief/aanmelden", ("email", "Terug001@Example.nl")))
        {
            Assert.Equal(HttpStatusCode.SeeOther, byStaff.StatusCode);
        }

        Assert.Contains("heeft zich afgemeld", (await staff.PageAsync("/beheer/nieuwsbrief")).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        await Outgoing.SettleAsync(site);
        Assert.Empty(smtp.Messages);

        using var person = Visitor.Of(site);
        (await Subscribing.SignUpAsync(person, "terug001@example.nl", page: "/nieuwsbrief")).Dispose();
        Assert.True(await smtp.WaitForAsync(1, Eventually.Deadline));
        using (var confirmed = await Subscribing.ConfirmAsync(person, Subscribing.ConfirmLinkIn(smtp.Messages.Single())))
        {
            Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        }

        Assert.Contains("0 afgemeld in totaal", (await staff.PageAsync("/beheer/nieuwsbrief")).QuerySelector("main")!.TextContent.Normalized(), StringComparison.Ordinal);
        smtp.Messages.Clear();
        Assert.Equal("terug001@example.nl", (await SendAsync("Welkom terug", 1)).Single().To.Mailboxes.Single().Address);
    }

    private async Task<List<MimeMessage>> SendAsync(string subject, int expected)
    {
        smtp.Messages.Clear();
        var (_, sent) = await NewsletterStaff.SendAsync(staff, subject, "Het laatste nieuws.");
        sent.Dispose();
        await Outgoing.SettleAsync(site);
        Assert.Equal(expected, smtp.Messages.Count);
        return [.. smtp.Messages];
    }

    private async Task<int> ConfirmedAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Set<Subscriber>().CountAsync(s => s.ConfirmedAt != null);
    }
}
