using System.Net;
using Interoffice.Web.Features.Contact;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Email;
using Interoffice.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Serilog.Events;

namespace Interoffice.Web.Tests.Contact;

/// <summary>Staff mail when the mail server refuses one message, is slow, or is not there at all.</summary>
public sealed class MailRefusalTests : IAsyncLifetime
{
    private readonly SmtpSink smtp = SmtpSink.Started();
    private readonly List<SiteFactory> sites = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        // The last first: a second instance stops before the owner of the database deletes its folder.
        for (var i = sites.Count - 1; i >= 0; i--)
        {
            await sites[i].DisposeAsync();
        }

        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_message_the_server_refuses_for_good_is_dead_at_once_with_its_answer_and_the_others_arrive_once()
    {
        var site = Site();
        var (first, middle, third) = await QueueThreeAsync(site, refuse: m => m.Subject!.Contains("Midden", StringComparison.Ordinal) ? (550, "5.7.1 Message rejected as spam") : null);

        await WaitForAsync(site, middle, mail => mail == MailState.Dead);
        await Outgoing.SettleAsync(site);

        Assert.Equal(new[] { first.Reference, third.Reference }.Order(), smtp.Messages.Select(ReferenceOf).Order());
        var mails = await MailsAsync(site);
        Assert.Equal(1, mails[first.Id].Attempts);
        Assert.Equal(1, mails[third.Id].Attempts);
        Assert.Equal(1, mails[middle.Id].Attempts);
        Assert.Contains("550", mails[middle.Id].LastError, StringComparison.Ordinal);

        // Staff read the server's own answer beside the failed notification, and can send it again.
        using var staff = await SignedInStaffAsync(site);
        var detail = await staff.PageAsync($"/beheer/berichten/{middle.Id}");
        var state = detail.QuerySelectorAll("dt").Single(d => d.TextContent == "Melding aan medewerkers").NextElementSibling!.TextContent;
        Assert.Contains("mislukt", state, StringComparison.Ordinal);
        Assert.Contains("550 5.7.1 Message rejected as spam", state, StringComparison.Ordinal);
        Assert.NotNull(detail.QuerySelector($"form[action='/beheer/berichten/{middle.Id}/melding']"));
    }

    [Fact]
    public async Task A_message_the_server_refuses_for_now_arrives_later_once_and_the_others_are_not_held_up()
    {
        var site = Site().With("Mail:RetryDelaySeconds", "1");
        var refusals = 0;
        var (first, middle, third) = await QueueThreeAsync(site, refuse: m =>
            m.Subject!.Contains("Midden", StringComparison.Ordinal) && Interlocked.Increment(ref refusals) == 1 ? (451, "4.7.1 Greylisted, please try again later") : null);

        await Outgoing.SettleAsync(site);
        Assert.Equal(2, smtp.Messages.Count);
        site.Clock.Advance(TimeSpan.FromSeconds(1));
        await Outgoing.SettleAsync(site);

        // In the order they arrived: the two behind no refusal first, the refused one after its retry.
        Assert.Equal([first.Reference, third.Reference, middle.Reference], smtp.Messages.Select(ReferenceOf));
        var mails = await MailsAsync(site);
        Assert.Equal((1, 1, 2), (mails[first.Id].Attempts, mails[third.Id].Attempts, mails[middle.Id].Attempts));
        await WaitForAsync(site, middle, mail => mail == MailState.Sent);
    }

    [Fact]
    public async Task A_connection_lost_during_one_message_delays_only_that_message()
    {
        var site = Site().With("Mail:RetryDelaySeconds", "1");
        var hangUps = 0;
        smtp.HangUp = m => m.Subject!.Contains("Midden", StringComparison.Ordinal) && Interlocked.Increment(ref hangUps) == 1;
        try
        {
            var (first, middle, third) = await QueueThreeAsync(site, refuse: _ => null);

            await Outgoing.SettleAsync(site);
            Assert.Equal(2, smtp.Messages.Count);
            site.Clock.Advance(TimeSpan.FromSeconds(1));
            await Outgoing.SettleAsync(site);

            // The one behind the lost connection goes out over a new one at once; the lost one is tried again later.
            Assert.Equal([first.Reference, third.Reference, middle.Reference], smtp.Messages.Select(ReferenceOf));
            var mails = await MailsAsync(site);
            Assert.Equal((1, 1, 2), (mails[first.Id].Attempts, mails[third.Id].Attempts, mails[middle.Id].Attempts));
        }
        finally
        {
            smtp.HangUp = _ => false;
        }
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_charges_an_attempt_to_one_message_only()
    {
        await smtp.StopAsync();
        var site = Site().With("Mail:RetryDelaySeconds", "60");
        var start = site.Now();
        await QueueThreeAsync(site, refuse: _ => null);

        // Every message is told why it waits, and waits the first retry delay; one attempt was made, not three.
        var mails = await Eventually.ReturnsAsync(() => MailsAsync(site), m => m.Values.All(x => x.LastError is not null), "every mail is told the server cannot be reached");
        Assert.Equal(1, mails.Values.Sum(m => m.Attempts));
        Assert.All(mails.Values, m => Assert.InRange(m.NextAttemptAt, start.AddSeconds(50), start.AddSeconds(75)));
        Assert.All(mails.Values, m => Assert.Null(m.DeadAt));
    }

    [Fact]
    public async Task A_slow_batch_through_two_instances_never_sends_a_mail_twice()
    {
        // Each message takes the server a quarter of a claim, so a batch takes it two claims long, and while each one
        // goes in the other instance (on the same clock) looks for due mail and sends what it wins, at once: a claim
        // must outlast one message, and only one.
        var site = Site().With("Mail:ClaimSeconds", "2");
        var other = Track(new SiteFactory { DatabasePath = site.DatabasePath, Clock = site.Clock, SendsMailByItself = false }.WithSmtp(smtp).With("Mail:ClaimSeconds", "2"));
        using var _ = site.CreateClient();
        using var __ = other.CreateClient();
        var looking = 0;
        smtp.WhileReceiving = async _ =>
        {
            if (Interlocked.Exchange(ref looking, 1) == 1)
            {
                return;
            }

            try
            {
                site.Clock.Advance(TimeSpan.FromMilliseconds(500));
                await other.Services.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None);
            }
            finally
            {
                Volatile.Write(ref looking, 0);
            }
        };

        var queued = await QueueAsync(site, Enumerable.Range(1, 8).Select(i => $"Bericht {i}").ToArray());

        await Outgoing.SettleAsync(site);
        await Outgoing.SettleAsync(other);
        Assert.Equal(queued.Select(s => s.Reference).Order(), smtp.Messages.Select(ReferenceOf).Order());
    }

    [Fact]
    public async Task Without_a_mail_server_staff_are_told_and_a_mail_in_the_folder_is_never_called_sent()
    {
        var site = Track(new SiteFactory());
        using var visitor = Visitor.Of(site);
        var (response, _) = await ContactPoster.PostAsync(visitor, ContactPoster.Valid());
        var reference = await ContactPoster.ReferenceAsync(visitor, response);
        var (submission, mail) = await WaitForAsync(site, reference, state => state != MailState.Pending);

        Assert.Contains(site.LogEvents, e => e.Level == LogEventLevel.Warning && e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("No mail server is set", StringComparison.Ordinal));
        Assert.Equal(MailState.InFolder, mail);
        Assert.Single(Directory.GetFiles(site.PickupFolder, "*.eml"));

        using var staff = await SignedInStaffAsync(site);
        foreach (var page in new[] { "/beheer", $"/beheer/berichten/{submission.Id}", "/beheer/persoon", "/beheer/logboek", "/beheer/account" })
        {
            var document = await staff.PageAsync(page);
            Assert.Contains("Meldingen worden niet gemaild: er is geen mailserver ingesteld", document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("verzonden", document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        }

        var row = (await staff.PageAsync("/beheer")).QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(reference, StringComparison.Ordinal));
        Assert.Contains("in map geschreven", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_mail_server_staff_see_no_notice_about_the_folder()
    {
        var site = Site();
        using var staff = await SignedInStaffAsync(site);

        var inbox = await staff.PageAsync("/beheer");

        Assert.DoesNotContain("geen mailserver", inbox.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(site.LogEvents, e => e.Level == LogEventLevel.Warning && e.MessageTemplate.Text.Contains("No mail server", StringComparison.Ordinal));
    }

    private SiteFactory Site() => Track(new SiteFactory().WithSmtp(smtp));

    private SiteFactory Track(SiteFactory site)
    {
        sites.Add(site);
        return site;
    }

    /// <summary>Three submissions whose mails are queued at once (one transaction), so that one round sends them together.</summary>
    private async Task<(ContactSubmission First, ContactSubmission Middle, ContactSubmission Third)> QueueThreeAsync(SiteFactory site, Func<MimeMessage, (int, string)?> refuse)
    {
        smtp.Answer = refuse;
        using var _ = site.CreateClient();
        var queued = await QueueAsync(site, "Eerste", "Midden", "Derde");
        return (queued[0], queued[1], queued[2]);
    }

    private static async Task<List<ContactSubmission>> QueueAsync(SiteFactory site, params string[] names)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<SubmissionStore>();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        var submissions = names.Select(name => ContactSubmission.Receive(
            "IO-" + Convert.ToHexString(Guid.NewGuid().ToByteArray())[..8],
            site.Now(),
            ContactKind.General,
            name,
            $"{name.Replace(' ', '.').ToLowerInvariant()}@example.nl",
            phone: null,
            $"Vraag van {name}")).ToList();
        foreach (var submission in submissions)
        {
            db.Add(submission);
            outbox.Queue(store.Notification(submission));
        }

        await db.SaveChangesAsync();
        return submissions;
    }

    private static string ReferenceOf(MimeMessage message) => message.Subject![1..message.Subject!.IndexOf(']', StringComparison.Ordinal)];

    private static async Task<Dictionary<Guid, OutboxMessage>> MailsAsync(SiteFactory site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Set<OutboxMessage>().AsNoTracking().ToDictionaryAsync(m => m.CorrelationId!.Value);
    }

    private static Task<(ContactSubmission Submission, MailState Mail)> WaitForAsync(SiteFactory site, ContactSubmission submission, Func<MailState, bool> condition) =>
        WaitForAsync(site, submission.Reference, condition);

    private static Task<(ContactSubmission Submission, MailState Mail)> WaitForAsync(SiteFactory site, string reference, Func<MailState, bool> condition) =>
        Eventually.ReturnsAsync(
            () => ContactPoster.StoredAsync(site, reference),
            stored => condition(stored.Mail),
            $"the notification of {reference} reaches the expected state");

    private static async Task<Visitor> SignedInStaffAsync(SiteFactory site)
    {
        await Support.Staff.CreateAsync(site, "mila@interoffice.nl");
        var staff = Visitor.Of(site);
        using var _ = await Support.Staff.SignInAsync(staff, "mila@interoffice.nl");
        return staff;
    }
}
