using System.Net;
using Interoffice.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Interoffice.Web.Tests.MyData;

/// <summary>Asking for a link on /mijn-gegevens, as a visitor does and as a stranger or a bot might: what each can learn, and how much mail it causes.</summary>
public sealed class RequestTests : IAsyncLifetime
{
    private readonly SmtpSink smtp = SmtpSink.Started();
    private readonly SiteFactory site;

    public RequestTests() => site = new SiteFactory().With("Site:BaseUrl", "https://www.interoffice.nl").WithSmtp(smtp);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await site.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_known_and_an_unknown_address_get_the_same_answer_and_one_mail_each_and_only_the_known_one_a_link()
    {
        using (var writer = Visitor.Of(site))
        {
            (await ContactPoster.PostAsync(writer, ContactPoster.Valid(email: "bekend@example.nl"))).Response.Dispose();
        }

        var answers = new List<string>();
        foreach (var address in new[] { "bekend@example.nl", "onbekend@example.nl" })
        {
            using var visitor = Visitor.Of(site);
            using var answer = await SelfServicing.RequestAsync(visitor, address);
            var page = await visitor.PageAsync(answer.Headers.Location!.OriginalString);
            answers.Add($"{(int)answer.StatusCode} {answer.Headers.Location} {SelfServicing.Text(page)}");
        }

        Assert.Single(answers.Distinct());
        Assert.Contains("Als wij gegevens bij dit adres hebben, ontvangt u binnen enkele minuten een e-mail", answers[0], StringComparison.Ordinal);
        Assert.DoesNotContain("bekend@", answers[0], StringComparison.Ordinal);

        Assert.True(await smtp.WaitForAsync(3, Eventually.Deadline), "the staff notification and both answers arrived");
        var known = Assert.Single(To("bekend@example.nl"));
        var unknown = Assert.Single(To("onbekend@example.nl"));
        Assert.Equal(known.Subject, unknown.Subject);
        Assert.NotNull(SelfServicing.LinkIn(known));
        Assert.Null(SelfServicing.LinkIn(unknown));
        Assert.Contains("Wij bewaren bij dit e-mailadres niets", unknown.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_flood_of_requests_for_one_address_mails_it_three_times_an_hour_and_answers_every_one_alike()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            using var stranger = Visitor.Of(site);
            using var answer = await SelfServicing.RequestAsync(stranger, "doelwit@example.nl");
            return $"{(int)answer.StatusCode} {answer.Headers.Location}";
        }));

        Assert.Equal("303 /mijn-gegevens/verzonden", Assert.Single(answers.Distinct()));
        await Outgoing.SettleAsync(site);
        Assert.Equal(3, To("doelwit@example.nl").Count);

        site.Clock.Advance(TimeSpan.FromMinutes(61));
        using var later = Visitor.Of(site);
        (await SelfServicing.RequestAsync(later, "doelwit@example.nl")).Dispose();
        await Outgoing.SettleAsync(site);
        Assert.Equal(4, To("doelwit@example.nl").Count);
    }

    [Fact]
    public async Task A_wrong_address_gets_a_Dutch_message_with_the_address_kept_and_a_bot_gets_the_usual_answer_and_no_mail()
    {
        using var visitor = Visitor.Of(site);
        using var wrong = await SelfServicing.RequestAsync(visitor, "piet@example");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var page = await Html.ParseAsync(await wrong.Content.ReadAsStringAsync());
        Assert.Contains("Vul een geldig e-mailadres in", SelfServicing.Text(page), StringComparison.Ordinal);
        Assert.Equal("piet@example", page.QuerySelector("input[name=Email]")!.GetAttribute("value"));

        using var bot = Visitor.Of(site);
        using var trapped = await SelfServicing.RequestAsync(bot, "bot@example.nl", honeypot: "https://spam.example");
        Assert.Equal("/mijn-gegevens/verzonden", trapped.Headers.Location!.OriginalString);

        using var crossSite = await SelfServicing.RequestAsync(bot, "bot@example.nl", site: "cross-site");
        Assert.Equal(HttpStatusCode.Forbidden, crossSite.StatusCode);
        Assert.Contains("niet van onze eigen website", await crossSite.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await Outgoing.SettleAsync(site);
        Assert.Empty(smtp.Messages);
    }

    [Fact]
    public async Task A_form_sent_faster_than_a_person_types_is_refused_in_Dutch_and_too_many_requests_from_one_client_are_stopped()
    {
        await using var careful = new SiteFactory().With("Site:BaseUrl", "https://www.interoffice.nl").WithSmtp(smtp)
            .With("MyData:MinimumSecondsToFill", "30").With("MyData:RateLimitPermits", "2");
        using var visitor = Visitor.Of(careful);
        using var fast = await SelfServicing.RequestAsync(visitor, "snel@example.nl");
        Assert.Equal(HttpStatusCode.OK, fast.StatusCode);
        Assert.Contains("wel erg snel", await fast.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        (await SelfServicing.RequestAsync(visitor, "snel@example.nl")).Dispose();
        using var third = await SelfServicing.RequestAsync(visitor, "snel@example.nl");
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Contains("te veel links aangevraagd", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(smtp.Messages);
    }

    private List<MimeKit.MimeMessage> To(string address) =>
        [.. smtp.Messages.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))];
}
