using System.Net;
using Interoffice.Web.Features.Contact;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Email;
using Interoffice.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Interoffice.Web.Tests.Contact;

public sealed class ContactFormTests : IAsyncLifetime
{
    private readonly SmtpSink smtp = SmtpSink.Started();
    private SiteFactory site = null!;

    public Task InitializeAsync()
    {
        site = new SiteFactory().WithSmtp(smtp).With("Contact:NotifyTo", "Team Interoffice <team@interoffice.nl>");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await site.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task The_staff_mail_goes_out_as_soon_as_the_message_is_stored_not_at_the_senders_next_round()
    {
        await using var patient = new SiteFactory().WithSmtp(smtp).With("Mail:PollIntervalSeconds", "3600");
        using var visitor = Visitor.Of(patient);

        // Once the first mail is out the sender's rounds are over and it waits an hour before it looks again, unless woken.
        (await ContactPoster.PostAsync(visitor, ContactPoster.Valid(message: "Het eerste bericht"))).Response.Dispose();
        Assert.True(await smtp.WaitForAsync(1, Eventually.Deadline), "the sender was not woken by the first queued mail");
        await Eventually.TrueAsync(async () => (await ContactPoster.StoredAsync(patient, ReferenceOf(smtp.Messages.Single()))).Mail == MailState.Sent, "the first mail was recorded as sent");

        var (response, _) = await ContactPoster.PostAsync(visitor, ContactPoster.Valid());
        var reference = await ContactPoster.ReferenceAsync(visitor, response);

        Assert.True(await smtp.WaitForAsync(2, Eventually.Deadline), "the sender was not woken by the queued mail");
        await Outgoing.SettleAsync(patient);
        Assert.Equal(2, smtp.Messages.Count);
        Assert.Contains(reference, smtp.Messages.Last().Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_valid_message_is_stored_once_mailed_to_staff_once_and_answered_with_a_reference()
    {
        using var visitor = Visitor.Of(site);
        var (response, _) = await ContactPoster.PostAsync(visitor, ContactPoster.Valid(message: "Graag een offerte.\nMet vriendelijke groet,\nJan"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var thanks = await visitor.PageAsync(response.Headers.Location!.OriginalString);
        var reference = thanks.QuerySelector("strong.reference")?.TextContent;
        Assert.Matches("^IO-[0-9A-Z]{8}$", reference);
        Assert.Equal("Bedankt voor uw bericht", thanks.QuerySelector("h1")?.TextContent);

        // The reference is never in the address, and shown once: reloaded later, a general thank-you.
        Assert.Equal("/contact/bedankt", response.Headers.Location!.OriginalString);
        var reloaded = await visitor.PageAsync("/contact/bedankt");
        Assert.Equal("Bedankt voor uw bericht", reloaded.QuerySelector("h1")?.TextContent);
        Assert.Null(reloaded.QuerySelector("strong.reference"));

        var stored = Assert.Single(await SubmissionsAsync());
        Assert.Equal(reference, stored.Reference);
        Assert.Equal(("Jan Jansen", "jan.jansen@example.nl", "+31612345678", ContactKind.General), (stored.Name, stored.Email, stored.Phone, stored.Kind));
        Assert.Equal("Graag een offerte.\nMet vriendelijke groet,\nJan", stored.Message.ReplaceLineEndings("\n"));

        Assert.True(await smtp.WaitForAsync(1, Eventually.Deadline), "no mail arrived");
        var mail = Assert.Single(smtp.Messages);
        Assert.Equal("team@interoffice.nl", Assert.Single(mail.To.Mailboxes).Address);
        var replyTo = Assert.Single(mail.ReplyTo.Mailboxes);
        Assert.Equal(("Jan Jansen", "jan.jansen@example.nl"), (replyTo.Name, replyTo.Address));
        Assert.Contains(reference!, mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Met vriendelijke groet,", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Met vriendelijke groet,", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(MailState.Sent, await WaitForNotificationAsync(reference!, MailState.Sent));
    }

    [Fact]
    public async Task An_empty_send_stores_nothing_and_says_in_Dutch_what_to_fill_in()
    {
        using var visitor = Visitor.Of(site);
        var (response, page) = await ContactPoster.PostAsync(visitor, new Dictionary<string, string> { ["Kind"] = "General", ["Name"] = "", ["Email"] = "", ["Message"] = "" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Vul uw naam in.", page.QuerySelector("#Name-fout")?.TextContent);
        Assert.Equal("Vul uw e-mailadres in, zodat wij u kunnen antwoorden.", page.QuerySelector("#Email-fout")?.TextContent);
        Assert.Equal("Schrijf uw bericht.", page.QuerySelector("#Message-fout")?.TextContent);
        Assert.Equal("true", page.QuerySelector("#Name")?.GetAttribute("aria-invalid"));
        Assert.Contains("Name-fout", page.QuerySelector("#Name")?.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#fouten a[href='#Name']"));
        Assert.Empty(await SubmissionsAsync());
    }

    [Fact]
    public async Task An_invalid_send_keeps_everything_the_visitor_typed()
    {
        using var visitor = Visitor.Of(site);
        var fields = ContactPoster.Valid(email: "jan@");
        fields["Kind"] = "Erasure";
        fields["Phone"] = "+31 (0)6 1234 5678";

        var (_, page) = await ContactPoster.PostAsync(visitor, fields);

        Assert.Equal("Vul een geldig e-mailadres in, bijvoorbeeld naam@bedrijf.nl.", page.QuerySelector("#Email-fout")?.TextContent);
        Assert.Equal("Jan Jansen", page.QuerySelector("#Name")?.GetAttribute("value"));
        Assert.Equal("jan@", page.QuerySelector("#Email")?.GetAttribute("value"));
        Assert.Equal("+31 (0)6 1234 5678", page.QuerySelector("#Phone")?.GetAttribute("value"));
        Assert.Equal("Graag een offerte voor twee multifunctionals.", page.QuerySelector("#Message")?.TextContent);
        Assert.True(page.QuerySelector("#Kind option[value=Erasure]")!.HasAttribute("selected"));
        Assert.Empty(await SubmissionsAsync());
    }

    [Fact]
    public async Task A_form_that_came_back_with_errors_is_never_shown_to_the_next_visitor()
    {
        // The form is made once and kept in memory for every visitor; one with errors is the sender's own. The worst
        // case: the visitor opened the form before a restart and sends it after, so theirs is the first the new process makes.
        using var visitor = Visitor.Of(site);
        var fields = await ContactPoster.PageFieldsAsync(visitor);
        await using var restarted = new SiteFactory { DatabasePath = site.DatabasePath, Clock = site.Clock }.WithSmtp(smtp);
        using var again = Visitor.Of(restarted);
        again.Cookies.Add(visitor.Cookies.GetAllCookies());
        foreach (var (name, value) in ContactPoster.Valid(name: "Geertje Tammeling", email: "geertje@", message: "Mijn vraag over dossier 4471."))
        {
            fields[name] = value;
        }

        using var form = new FormUrlEncodedContent(fields);
        using var sent = await again.SendAsync(HttpMethod.Post, "/contact", form);
        var returned = await Html.ParseAsync(await sent.Content.ReadAsStringAsync());
        Assert.Equal("Geertje Tammeling", returned.QuerySelector("#Name")?.GetAttribute("value"));
        Assert.NotNull(returned.QuerySelector("#fouten"));

        using var next = Visitor.Of(restarted);
        var page = await next.PageAsync("/contact");
        var html = page.DocumentElement.OuterHtml;
        Assert.DoesNotContain("Geertje", html, StringComparison.Ordinal);
        Assert.DoesNotContain("dossier 4471", html, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#fouten"));
        Assert.Empty(page.QuerySelectorAll("[aria-invalid]"));
        Assert.Equal("", page.QuerySelector("#Name")?.GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task A_filled_honeypot_looks_like_success_and_stores_nothing()
    {
        using var visitor = Visitor.Of(site);
        var fields = ContactPoster.Valid();
        fields["Website"] = "https://spam.example";

        var (response, _) = await ContactPoster.PostAsync(visitor, fields);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/contact/bedankt", response.Headers.Location?.OriginalString);
        Assert.Empty(await SubmissionsAsync());
        await Outgoing.SettleAsync(site);
        Assert.Empty(smtp.Messages);
    }

    [Fact]
    public async Task An_expired_form_comes_back_with_what_was_typed_and_a_Dutch_explanation_and_stores_nothing()
    {
        using var visitor = Visitor.Of(site);
        var typed = ContactPoster.Valid(name: "Fenna Bos", email: "fenna@example.nl", message: "Een lang bericht dat niet verloren mag gaan.\nMet een tweede regel.");
        var (response, page) = await ContactPoster.PostAsync(visitor, typed, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Fout: Contact", page.Title, StringComparison.Ordinal);
        Assert.Contains("Dit formulier was verlopen", page.QuerySelector("#fouten")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Fenna Bos", page.QuerySelector("#Name")!.GetAttribute("value"));
        Assert.Equal("fenna@example.nl", page.QuerySelector("#Email")!.GetAttribute("value"));
        Assert.Equal("Een lang bericht dat niet verloren mag gaan.\nMet een tweede regel.", page.QuerySelector("#Message")!.TextContent.ReplaceLineEndings("\n"));
        Assert.Empty(await SubmissionsAsync());

        // Sent again from the page it came back on (with its fresh token): accepted at once, stored once.
        var fields = page.QuerySelectorAll("form.contact-form input[name], form.contact-form textarea[name], form.contact-form select[name]")
            .Select(e => new KeyValuePair<string, string>(e.GetAttribute("name")!, e.LocalName == "textarea" ? e.TextContent : e.LocalName == "select" ? e.QuerySelector("option[selected]")?.GetAttribute("value") ?? "General" : e.GetAttribute("value") ?? ""));
        using var again = new FormUrlEncodedContent(fields);
        using var sent = await visitor.SendAsync(HttpMethod.Post, "/contact", again);
        Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
        Assert.Single(await SubmissionsAsync());
    }

    [Fact]
    public async Task Another_sites_post_is_refused_plainly_and_never_shown_as_the_visitors_own_form()
    {
        using var visitor = Visitor.Of(site);
        visitor.Headers["Sec-Fetch-Site"] = "cross-site";
        var planted = ContactPoster.Valid(name: "Niet Ikzelf", message: "Verwijder al mijn gegevens.");
        var (response, page) = await ContactPoster.PostAsync(visitor, planted, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Er ging iets mis", page.QuerySelector("h1")?.TextContent);
        Assert.DoesNotContain("Niet Ikzelf", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form.contact-form"));
        Assert.Empty(await SubmissionsAsync());
    }

    [Fact]
    public async Task A_bot_without_the_forms_token_gets_the_plain_refusal()
    {
        using var visitor = Visitor.Of(site);
        var (response, page) = await ContactPoster.PostAsync(visitor, new Dictionary<string, string>(ContactPoster.Valid()) { ["Website"] = "https://spam.example" }, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Er ging iets mis", page.QuerySelector("h1")?.TextContent);
        Assert.Empty(await SubmissionsAsync());
    }

    [Fact]
    public async Task A_form_with_errors_says_so_first_in_its_title()
    {
        using var visitor = Visitor.Of(site);
        var (_, page) = await ContactPoster.PostAsync(visitor, ContactPoster.Valid(email: "jan@"));

        Assert.StartsWith("Fout: Contact", page.Title, StringComparison.Ordinal);
        Assert.Equal("-1", page.QuerySelector("#fouten")?.GetAttribute("tabindex"));
        Assert.Equal("true", page.QuerySelector("#Email")?.GetAttribute("aria-invalid"));
        Assert.Contains("Email-fout", page.QuerySelector("#Email")?.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.StartsWith("Contact", (await visitor.PageAsync("/contact")).Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_sent_faster_than_a_person_types_is_held_back_with_everything_kept()
    {
        await using var careful = new SiteFactory().WithSmtp(smtp).With("Contact:MinimumSecondsToFill", "30");
        using var visitor = Visitor.Of(careful);

        var (response, page) = await ContactPoster.PostAsync(visitor, ContactPoster.Valid());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("erg snel verzonden", page.QuerySelector("#fouten")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Jan Jansen", page.QuerySelector("#Name")?.GetAttribute("value"));
        await using var scope = careful.Services.CreateAsyncScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Set<ContactSubmission>().ToListAsync());
    }

    [Fact]
    public async Task Too_many_sends_from_one_address_get_the_Dutch_429_page()
    {
        await using var limited = new SiteFactory().WithSmtp(smtp).With("Contact:RateLimitPermits", "2");
        using var visitor = Visitor.Of(limited);

        for (var i = 0; i < 2; i++)
        {
            var (ok, _) = await ContactPoster.PostAsync(visitor, ContactPoster.Valid());
            Assert.Equal(HttpStatusCode.SeeOther, ok.StatusCode);
        }

        var (response, page) = await ContactPoster.PostAsync(visitor, ContactPoster.Valid());

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Contains("te veel berichten", page.QuerySelector("main")?.TextContent, StringComparison.Ordinal);
        await using var scope = limited.Services.CreateAsyncScope();
        Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Set<ContactSubmission>().CountAsync());
    }

    [Fact]
    public async Task A_request_larger_than_any_valid_form_gets_the_Dutch_413_page()
    {
        using var visitor = Visitor.Of(site);
        var (response, page) = await ContactPoster.PostAsync(visitor, ContactPoster.Valid(message: new string('a', 100_000)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("te groot", page.QuerySelector("main")?.TextContent, StringComparison.Ordinal);
        Assert.Empty(await SubmissionsAsync());
    }

    [Fact]
    public async Task When_the_mail_server_is_down_the_visitor_is_thanked_and_the_mail_goes_out_once_it_is_back()
    {
        await smtp.StopAsync();
        using var visitor = Visitor.Of(site);

        var (response, _) = await ContactPoster.PostAsync(visitor, ContactPoster.Valid());
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/contact/bedankt", response.Headers.Location?.OriginalString);
        var stored = Assert.Single(await SubmissionsAsync());

        await Outgoing.SettleAsync(site);
        Assert.Empty(smtp.Messages);
        Assert.Equal(MailState.Pending, (await ContactPoster.StoredAsync(site, stored.Reference)).Mail);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var outbox = await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Set<OutboxMessage>().SingleAsync();
            Assert.True(outbox.Attempts >= 1, "the sender tried");
            Assert.NotNull(outbox.LastError);
        }

        smtp.Start();
        site.Clock.Advance(TimeSpan.FromSeconds(1));
        await Outgoing.SettleAsync(site);
        Assert.Single(smtp.Messages);
        Assert.Contains(stored.Reference, smtp.Messages.Single().Subject, StringComparison.Ordinal);
        Assert.Equal(MailState.Sent, await WaitForNotificationAsync(stored.Reference, MailState.Sent));
    }

    [Fact]
    public async Task A_mail_that_keeps_failing_is_marked_dead_for_staff_to_send_again()
    {
        await smtp.StopAsync();
        await using var impatient = new SiteFactory().WithSmtp(smtp).With("Mail:MaxAttempts", "2").With("Mail:RetryDelaySeconds", "0.05");
        using var visitor = Visitor.Of(impatient);

        var (response, _) = await ContactPoster.PostAsync(visitor, ContactPoster.Valid());
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);

        var reference = await ContactPoster.ReferenceAsync(visitor, response);
        await Outgoing.SettleAsync(impatient);
        Assert.Equal(MailState.Pending, (await ContactPoster.StoredAsync(impatient, reference)).Mail);
        impatient.Clock.Advance(TimeSpan.FromSeconds(1));
        await Outgoing.SettleAsync(impatient);

        Assert.Equal(MailState.Dead, (await ContactPoster.StoredAsync(impatient, reference)).Mail);
    }

    [Fact]
    public async Task Two_hundred_messages_at_once_through_two_instances_give_two_hundred_rows_and_two_hundred_mails()
    {
        await using var second = new SiteFactory { DatabasePath = site.DatabasePath, Clock = site.Clock }.WithSmtp(smtp);
        using var first = Visitor.Of(site);
        using var other = Visitor.Of(second);
        var forms = new[] { await ContactPoster.PageFieldsAsync(first), await ContactPoster.PageFieldsAsync(other) };

        var posts = Enumerable.Range(0, 200).Select(async i =>
        {
            var (visitor, form) = i % 2 == 0 ? (first, forms[0]) : (other, forms[1]);
            var fields = new Dictionary<string, string>(form) { ["Message"] = $"Bericht nummer {i}" };
            foreach (var (key, value) in ContactPoster.Valid(message: $"Bericht nummer {i}"))
            {
                fields.TryAdd(key, value);
            }

            using var content = new FormUrlEncodedContent(fields);
            using var response = await visitor.SendAsync(HttpMethod.Post, "/contact", content);
            return response.StatusCode;
        });
        var statuses = await Task.WhenAll(posts);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.SeeOther, s));
        await Outgoing.SettleAsync(site);
        var mails = smtp.Messages.ToList();
        Assert.Equal(200, mails.Count);
        Assert.Equal(200, mails.Select(m => m.Headers["X-Interoffice-Outbox-Id"]).Distinct().Count());
        var submissions = await SubmissionsAsync();
        Assert.Equal(200, submissions.Count);
        Assert.Equal(200, submissions.Select(s => s.Reference).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"Bericht nummer {i}").Order(), submissions.Select(s => s.Message).Order());
    }

    private async Task<List<ContactSubmission>> SubmissionsAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Set<ContactSubmission>().AsNoTracking().ToListAsync();
    }

    private async Task<MailState> WaitForNotificationAsync(string reference, MailState expected) =>
        (await Eventually.ReturnsAsync(() => ContactPoster.StoredAsync(site, reference), stored => stored.Mail == expected, $"the notification of {reference} is {expected}")).Mail;

    private static string ReferenceOf(MimeKit.MimeMessage message) => message.Subject![1..message.Subject!.IndexOf(']', StringComparison.Ordinal)];
}
