using System.Net;
using Interoffice.Web.Tests.Support;

namespace Interoffice.Web.Tests.Newsletter;

/// <summary>Newsletter mail the mail server refuses: counted for staff, sent again when they ask, never twice.</summary>
public sealed class RefusedMailTests : IAsyncLifetime
{
    private readonly SmtpSink smtp = SmtpSink.Started();
    private readonly SiteFactory site;
    private Visitor staff = null!;

    public RefusedMailTests() => site = new SiteFactory().With("Site:BaseUrl", "https://www.interoffice.nl").WithSmtp(smtp);

    public async Task InitializeAsync()
    {
        await Support.Staff.CreateAsync(site, "redactie@interoffice.nl");
        staff = Visitor.Of(site);
        (await Support.Staff.SignInAsync(staff, "redactie@interoffice.nl")).Dispose();
    }

    public async Task DisposeAsync()
    {
        staff.Dispose();
        await site.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_copy_the_server_refused_for_good_is_counted_and_sent_again_once_when_staff_ask()
    {
        await Subscribing.ConfirmedAsync(site, 3);
        smtp.Answer = m => m.To.Mailboxes.Single().Address == "abonnee002@example.nl" ? (550, "5.1.1 Mailbox full") : null;
        var (_, sent) = await NewsletterStaff.SendAsync(staff, "Nieuws", "Het laatste nieuws.");
        sent.Dispose();
        Assert.True(await smtp.WaitForAsync(2, TimeSpan.FromSeconds(20)));

        var page = await Eventually.ReturnsAsync(() => staff.PageAsync("/beheer/nieuwsbrief"), p => p.QuerySelector("form[action='/beheer/nieuwsbrief/opnieuw']") is not null, "staff see the failed mail");
        Assert.Contains("2 verzonden, 0 wachten (hoogstens het ingestelde aantal per minuut), 1 mislukt", page.QuerySelector("main")!.TextContent.Normalized(), StringComparison.Ordinal);

        smtp.Answer = _ => null;
        using (var resent = await Support.Staff.PostFormOnAsync(staff, page, "/beheer/nieuwsbrief/opnieuw"))
        {
            Assert.Equal(HttpStatusCode.SeeOther, resent.StatusCode);
        }

        await Outgoing.SettleAsync(site);
        Assert.Equal(["abonnee001@example.nl", "abonnee002@example.nl", "abonnee003@example.nl"], smtp.Messages.Select(m => m.To.Mailboxes.Single().Address).Order());
    }
}
