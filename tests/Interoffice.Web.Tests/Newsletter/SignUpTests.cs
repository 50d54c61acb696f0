using System.Net;
using System.Security.Cryptography;
using System.Text;
using Interoffice.Web.Features.Newsletter;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Email;
using Interoffice.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Interoffice.Web.Tests.Newsletter;

/// <summary>Signing up for the newsletter as a visitor does it, by double opt-in, and what a stranger or a bot can learn or do.</summary>
public sealed class SignUpTests : IAsyncLifetime
{
    private readonly SmtpSink smtp = SmtpSink.Started();
    private readonly SiteFactory site;

    public SignUpTests() => site = new SiteFactory().With("Site:BaseUrl", "https://www.interoffice.nl").WithSmtp(smtp);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await site.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_visitor_signs_up_in_the_footer_and_is_on_the_list_only_after_confirming_with_the_link()
    {
        using var visitor = Visitor.Of(site);
        using var posted = await Subscribing.SignUpAsync(visitor, "piet@example.nl", page: "/diensten");

        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        Assert.Equal("/nieuwsbrief/aangemeld", posted.Headers.Location!.OriginalString);
        Assert.Empty(visitor.Cookies.GetAllCookies().Select(c => c.Name + "=" + c.Value));
        Assert.True(await smtp.WaitForAsync(1, Eventually.Deadline), "the confirmation mail arrived");
        var mail = Assert.Single(smtp.Messages);
        Assert.Equal("piet@example.nl", mail.To.Mailboxes.Single().Address);
        Assert.Contains("Bevestig", mail.Subject, StringComparison.Ordinal);
        Assert.Equal(0, await ConfirmedAsync());

        // Its secret is kept nowhere once the mail has left: the database holds its hash only.
        var link = Subscribing.ConfirmLinkIn(mail);
        var code = link[(link.IndexOf("code=", StringComparison.Ordinal) + 5)..];
        await Eventually.TrueAsync(async () => await MailStateAsync() == MailState.Sent, "the outbox recorded the mail as sent");
        Assert.Empty(DataFolder.FilesContaining(site.DataFolder, code));
        Assert.NotEmpty(DataFolder.FilesContaining(site.DataFolder, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)))));

        using var confirmed = await Subscribing.ConfirmAsync(visitor, link);
        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        Assert.Equal("/nieuwsbrief/bevestigd", confirmed.Headers.Location!.OriginalString);
        Assert.Equal(1, await ConfirmedAsync());

        // Single use.
        using var again = await Subscribing.ConfirmAsync(visitor, link);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("werkt niet (meer)", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_answer_is_the_same_for_a_new_address_one_awaiting_confirmation_and_one_already_on_the_list()
    {
        await Subscribing.ConfirmedAsync(site, 1, prefix: "bekend");
        using var visitor = Visitor.Of(site);
        (await Subscribing.SignUpAsync(visitor, "wacht@example.nl")).Dispose();
        Assert.True(await smtp.WaitForAsync(1, Eventually.Deadline));

        var answers = new List<string>();
        foreach (var address in new[] { "nieuw@example.nl", "wacht@example.nl", "bekend001@example.nl" })
        {
            using var stranger = Visitor.Of(site);
            using var answer = await Subscribing.SignUpAsync(stranger, address);
            var page = await stranger.PageAsync(answer.Headers.Location!.OriginalString);
            answers.Add($"{(int)answer.StatusCode} {answer.Headers.Location} {page.QuerySelector("main")!.TextContent.Normalized()}");
        }

        Assert.Single(answers.Distinct());

        // Behind the same answer: the new address is sent a link, the waiting one nothing more within the hour, the known one a notice.
        await Outgoing.SettleAsync(site);
        var mails = smtp.Messages.Select(m => (To: m.To.Mailboxes.Single().Address, m.Subject)).ToList();
        Assert.Equal(3, mails.Count);
        Assert.Single(mails, m => m.To == "wacht@example.nl");
        Assert.Contains(mails, m => m.To == "nieuw@example.nl" && m.Subject!.StartsWith("Bevestig", StringComparison.Ordinal));
        var notice = smtp.Messages.Single(m => m.To.Mailboxes.Single().Address == "bekend001@example.nl");
        Assert.Equal("U bent al aangemeld voor de nieuwsbrief van Interoffice", notice.Subject);
        Assert.StartsWith("https://www.interoffice.nl/nieuwsbrief/afmelden?code=", Subscribing.UnsubscribeHeaderOf(notice), StringComparison.Ordinal);
        Assert.Equal(1, await ConfirmedAsync());
    }

    [Fact]
    public async Task A_confirmation_link_expires_after_48_hours_and_a_sign_up_nobody_confirmed_is_gone_after_7_days()
    {
        using (var visitor = Visitor.Of(site))
        {
            (await Subscribing.SignUpAsync(visitor, "vergeten@example.nl")).Dispose();
        }

        Assert.True(await smtp.WaitForAsync(1, Eventually.Deadline));
        var link = Subscribing.ConfirmLinkIn(smtp.Messages.Single());
        await Eventually.TrueAsync(async () => await MailStateAsync() == MailState.Sent, "the outbox recorded the mail as sent");

        site.Clock.Advance(TimeSpan.FromHours(49));
        using (var visitor = Visitor.Of(site))
        {
            using var expired = await Subscribing.ConfirmAsync(visitor, link);
            Assert.Equal(HttpStatusCode.OK, expired.StatusCode);
            Assert.Contains("verlopen", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(0, await ConfirmedAsync());
        Assert.NotEmpty(DataFolder.FilesContaining(site.DataFolder, "vergeten@example.nl"));

        site.Clock.Advance(TimeSpan.FromDays(8) - TimeSpan.FromHours(49));
        var result = await site.Services.GetRequiredService<RetentionJob>().RunOnceAsync(CancellationToken.None);
        Assert.Equal(1, result["unconfirmed newsletter sign-ups"]);
        Assert.Empty(DataFolder.FilesContaining(site.DataFolder, "vergeten@example.nl"));
    }

    [Fact]
    public async Task A_bot_that_fills_the_hidden_field_is_thanked_and_nothing_is_stored_or_mailed()
    {
        using var bot = Visitor.Of(site);
        var form = (await bot.PageAsync("/")).QuerySelector("form[action='/nieuwsbrief']")!;
        var fields = form.QuerySelectorAll("input[name]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        fields["Email"] = "slachtoffer@example.nl";
        fields["Website"] = "https://spam.example";

        using var answer = await Subscribing.PostAsync(bot, "/nieuwsbrief", fields);

        Assert.Equal(HttpStatusCode.SeeOther, answer.StatusCode);
        Assert.Equal("/nieuwsbrief/aangemeld", answer.Headers.Location!.OriginalString);
        await Outgoing.SettleAsync(site);
        Assert.Empty(smtp.Messages);
        Assert.Empty(DataFolder.FilesContaining(site.DataFolder, "slachtoffer@example.nl"));
    }

    [Fact]
    public async Task A_post_sooner_than_a_person_can_type_or_with_a_wrong_address_gets_a_Dutch_message_and_keeps_what_was_typed()
    {
        await using var careful = new SiteFactory().WithSmtp(smtp).With("Newsletter:MinimumSecondsToFill", "30");
        using var visitor = Visitor.Of(careful);

        using var tooFast = await Subscribing.SignUpAsync(visitor, "snel@example.nl");
        var fast = await Html.ParseAsync(await tooFast.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, tooFast.StatusCode);
        Assert.Contains("wel erg snel", fast.QuerySelector("#fouten")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("snel@example.nl", fast.QuerySelector("form.newsletter-form input[name=Email]")!.GetAttribute("value"));

        using var wrong = await Subscribing.SignUpAsync(visitor, "piet@voorbeeld", page: "/nieuwsbrief");
        var refused = await Html.ParseAsync(await wrong.Content.ReadAsStringAsync());
        Assert.Contains("Vul een geldig e-mailadres in", refused.QuerySelector("#fouten")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("piet@voorbeeld", refused.QuerySelector("form.newsletter-form input[name=Email]")!.GetAttribute("value"));
        Assert.Equal("true", refused.QuerySelector("form.newsletter-form input[name=Email]")!.GetAttribute("aria-invalid"));

        await Outgoing.SettleAsync(site);
        Assert.Empty(smtp.Messages);
    }

    [Theory]
    [InlineData("cross-site")]
    [InlineData(null)]
    public async Task A_sign_up_posted_from_another_site_or_without_any_browser_signal_is_refused(string? fetchSite)
    {
        using var visitor = Visitor.Of(site);
        using var answer = await Subscribing.SignUpAsync(visitor, "doelwit@example.nl", site: fetchSite);

        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.Contains("kwam niet van onze eigen website", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await Outgoing.SettleAsync(site);
        Assert.Empty(smtp.Messages);
    }

    [Fact]
    public async Task Too_many_sign_ups_from_one_address_get_the_Dutch_page_for_it()
    {
        await using var limited = new SiteFactory().With("Site:BaseUrl", "https://www.interoffice.nl").WithSmtp(smtp).With("Newsletter:RateLimitPermits", "2");
        using var visitor = Visitor.Of(limited);
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await Subscribing.SignUpAsync(visitor, $"persoon{i}@example.nl");
            Assert.Equal(HttpStatusCode.SeeOther, allowed.StatusCode);
        }

        using var refused = await Subscribing.SignUpAsync(visitor, "persoon9@example.nl");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("te veel aanmeldingen", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_footer_form_sets_no_cookie_and_leaves_pages_cached_while_every_view_gets_its_own_stamp()
    {
        using var visitor = Visitor.Of(site);
        var (first, firstPage) = await visitor.GetAsync("/over-ons");
        site.Clock.Advance(TimeSpan.FromSeconds(1));
        var (second, secondPage) = await visitor.GetAsync("/over-ons");

        Assert.False(first.Headers.Contains("Set-Cookie") || second.Headers.Contains("Set-Cookie"), "no cookie is set");
        Assert.NotNull(second.Headers.Age);
        var stamps = new[] { firstPage, secondPage }.Select(p => p.QuerySelector("form[action='/nieuwsbrief'] input[name=Start]")!.GetAttribute("value")).ToList();
        Assert.All(stamps, s => Assert.StartsWith("CfDJ8", s, StringComparison.Ordinal));
        Assert.NotEqual(stamps[0], stamps[1]);
        first.Dispose();
        second.Dispose();
    }

    private async Task<int> ConfirmedAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Set<Subscriber>().CountAsync(s => s.ConfirmedAt != null);
    }

    private async Task<MailState> MailStateAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var mail = await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Set<OutboxMessage>().AsNoTracking().OrderBy(m => m.Id).FirstAsync();
        return mail.State;
    }
}
