using System.Net;
using Interoffice.Web.Features.Newsletter;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Email;
using Interoffice.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Interoffice.Web.Tests.Newsletter;

/// <summary>What keeps a sign-up honest beyond the form: the address a mail's links point at, the real time stamp, a refused confirmation mail.</summary>
public sealed class SignUpGuardTests : IAsyncLifetime
{
    private readonly SmtpSink smtp = SmtpSink.Started();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await smtp.DisposeAsync();

    [Fact]
    public async Task Without_a_public_address_a_forged_host_gets_no_genuine_mail_with_its_own_links()
    {
        // Production without Site:BaseUrl or AllowedHosts answers every host: a mail must not take its links from one.
        await using var site = new SiteFactory().WithSmtp(smtp);
        using var attacker = Visitor.Of(site, "https://evil.example");

        using var answer = await Subscribing.SignUpAsync(attacker, "slachtoffer@example.nl");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("niet mogelijk", (await Html.ParseAsync(await answer.Content.ReadAsStringAsync())).QuerySelector("#fouten")!.TextContent, StringComparison.Ordinal);
        await Outgoing.SettleAsync(site);
        Assert.Empty(smtp.Messages);
        Assert.Empty(DataFolder.FilesContaining(site.DataFolder, "slachtoffer@example.nl"));

        // With the hosts named, the request's own address is trusted for the links.
        await using var named = new SiteFactory().WithSmtp(smtp).With("AllowedHosts", "www.interoffice.nl");
        using var visitor = Visitor.Of(named);
        (await Subscribing.SignUpAsync(visitor, "piet@example.nl")).Dispose();
        Assert.True(await smtp.WaitForAsync(1, Eventually.Deadline));
        Assert.StartsWith("https://www.interoffice.nl/nieuwsbrief/bevestigen?code=", Subscribing.ConfirmLinkIn(smtp.Messages.Single()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_stamp_of_a_cached_page_lets_a_person_sign_up_after_a_moment_and_turns_an_instant_post_away()
    {
        await using var site = new SiteFactory().With("Site:BaseUrl", "https://www.interoffice.nl").WithSmtp(smtp).With("Newsletter:MinimumSecondsToFill", "2");
        using (var first = Visitor.Of(site))
        {
            (await first.GetAsync("/over-ons")).Response.Dispose();
        }

        using var visitor = Visitor.Of(site);
        using var instant = await Subscribing.SignUpAsync(visitor, "snel@example.nl", page: "/over-ons");
        Assert.Contains("wel erg snel", await instant.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var page = await visitor.PageAsync("/over-ons");
        var fields = page.QuerySelector("form[action='/nieuwsbrief']")!.QuerySelectorAll("input[name]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        fields["Email"] = "rustig@example.nl";
        site.Clock.Advance(TimeSpan.FromSeconds(3));
        using var calm = await Subscribing.PostAsync(visitor, "/nieuwsbrief", fields);
        Assert.Equal(HttpStatusCode.SeeOther, calm.StatusCode);
        Assert.True(await smtp.WaitForAsync(1, Eventually.Deadline));
        Assert.Equal("rustig@example.nl", smtp.Messages.Single().To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task A_confirmation_mail_the_server_refuses_keeps_no_usable_link_in_the_database()
    {
        smtp.Answer = _ => (550, "5.1.1 No such user");
        await using var site = new SiteFactory().With("Site:BaseUrl", "https://www.interoffice.nl").WithSmtp(smtp);
        using (var visitor = Visitor.Of(site))
        {
            (await Subscribing.SignUpAsync(visitor, "bestaatniet@example.nl")).Dispose();
        }

        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        var mail = await Eventually.ReturnsAsync(() => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(), m => m.DeadAt is not null, "the refused mail is dead");
        Assert.Equal(OutboxMessage.Forgotten, mail.TextBody);

        // The sender checkpoints the log right after recording the death: the old body leaves the files then.
        await Eventually.TrueAsync(() => DataFolder.FilesContaining(site.DataFolder, "nieuwsbrief/bevestigen?code=").Count == 0, "no file holds the link");
    }

    [Fact]
    public async Task A_page_whose_address_carries_a_link_from_a_mail_loads_no_third_party_script_even_with_consent()
    {
        await using var site = new SiteFactory().With("Site:BaseUrl", "https://www.interoffice.nl").WithAllServices();
        using var visitor = Visitor.Of(site);
        (await visitor.ChooseAsync("alles")).Dispose();

        var (_, newsletter) = await visitor.GetAsync("/nieuwsbrief");
        Assert.Contains("googletagmanager.com", newsletter.DocumentElement.OuterHtml, StringComparison.Ordinal);
        foreach (var path in new[] { "/nieuwsbrief/bevestigen?code=geheim123", "/nieuwsbrief/afmelden?code=geheim123" })
        {
            var (answer, page) = await visitor.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.DoesNotContain(page.QuerySelectorAll("script[src]"), s => s.GetAttribute("src")!.StartsWith("http", StringComparison.Ordinal));
            Assert.DoesNotContain("googletagmanager", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
            answer.Dispose();
        }
    }

    [Fact]
    public async Task Mail_in_a_lane_no_feature_registered_is_sent_unthrottled()
    {
        await using var site = new SiteFactory().WithSmtp(smtp);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
            var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
            for (var i = 0; i < 3; i++)
            {
                outbox.Queue(new OutboxMessage { To = $"lezer{i}@example.nl", Subject = "Oude rij", TextBody = "tekst", HtmlBody = "<p>tekst</p>", Lane = "opgeheven" });
            }

            await db.SaveChangesAsync();
        }

        Assert.True(await smtp.WaitForAsync(3, Eventually.Deadline), $"{smtp.Messages.Count} of 3 arrived");
        Assert.All(smtp.Messages, m => Assert.Null(m.Headers["Precedence"]));
    }
}
