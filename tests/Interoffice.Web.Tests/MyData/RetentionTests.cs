using Interoffice.Web.Features.MyData;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Interoffice.Web.Tests.MyData;

/// <summary>What Mijn gegevens keeps of a request, and for how long: a stranger's address a day, a person's activity a year.</summary>
public sealed class RetentionTests : IAsyncLifetime
{
    private const string Known = "wim.de.boer@example.nl";
    private const string Stranger = "nooit.geschreven@example.nl";
    private readonly SmtpSink smtp = SmtpSink.Started();
    private readonly SiteFactory site;

    public RetentionTests() => site = new SiteFactory().With("Site:BaseUrl", "https://www.interoffice.nl").WithSmtp(smtp);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await site.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task An_address_we_hold_nothing_of_leaves_the_files_a_day_after_its_mail_and_a_persons_activity_after_a_year()
    {
        using var visitor = Visitor.Of(site);
        (await ContactPoster.PostAsync(visitor, ContactPoster.Valid(name: "Wim de Boer", email: Known))).Response.Dispose();
        (await SelfServicing.RequestAsync(visitor, Known)).Dispose();
        using (var stranger = Visitor.Of(site))
        {
            (await SelfServicing.RequestAsync(stranger, Stranger)).Dispose();
        }

        var link = await Eventually.ReturnsAsync(() => Task.FromResult(smtp.Messages.Select(SelfServicing.LinkIn).FirstOrDefault(l => l is not null)), l => l is not null, "the link arrived");
        (await SelfServicing.OpenAsync(visitor, link!)).Dispose();
        (await visitor.PageAsync(MyDataSessionController.Overview)).Dispose();
        await Eventually.TrueAsync(() => smtp.Messages.Count(m => m.Subject == MyDataMails.Subject) == 2, "both answers were sent");
        Assert.NotEmpty(DataFolder.FilesContaining(site.DataFolder, Stranger));

        site.Clock.Advance(TimeSpan.FromDays(2));
        await RunRetentionAsync(site);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
            Assert.Equal(0, await db.Set<AccessLink>().CountAsync());
            Assert.Equal(0, await db.Set<AccessSession>().CountAsync());
        }

        Assert.Empty(DataFolder.FilesContaining(site.DataFolder, Stranger));
        await using (var staff = new StaffOf(site))
        {
            Assert.Contains("Bekeken", await staff.ActivityOfAsync(Known), StringComparison.Ordinal);
        }

        site.Clock.SetUtcNow(TestTime.Start.AddMonths(13));
        Assert.Equal(1, await RunRetentionAsync(site));
        await using (var staff = new StaffOf(site))
        {
            Assert.Equal("Niets.", await staff.ActivityOfAsync(Known));
        }
    }

    private static async Task<int> RunRetentionAsync(WebApplicationFactory<Program> at) =>
        (await at.Services.GetRequiredService<RetentionJob>().RunOnceAsync(CancellationToken.None))["Mijn gegevens links, sessions and activity"];

    // A staff member reading a person's page in the person tool.
    private sealed class StaffOf(WebApplicationFactory<Program> at) : IAsyncDisposable
    {
        private readonly Visitor visitor = Visitor.Of(at);
        private bool signedIn;

        public async Task<string> ActivityOfAsync(string address)
        {
            if (!signedIn)
            {
                var email = $"privacy{Guid.NewGuid().ToString("N")[..6]}@interoffice.nl";
                await Support.Staff.CreateAsync(at, email);
                (await Support.Staff.SignInAsync(visitor, email)).Dispose();
                signedIn = true;
            }

            var page = await Support.Staff.LookUpPersonAsync(visitor, address);
            var heading = page.QuerySelectorAll("h2").First(h => h.TextContent.StartsWith("Zelf gedaan", StringComparison.Ordinal));
            return heading.NextElementSibling!.TextContent.Normalized();
        }

        public ValueTask DisposeAsync()
        {
            visitor.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
