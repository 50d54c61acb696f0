using Deque.AxeCore.Playwright;
using Interoffice.Web.BrowserTests.Support;
using Interoffice.Web.Features.Contact;
using Interoffice.Web.Features.Staff;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Interoffice.Web.BrowserTests.Staff;

public sealed class StaffInBrowserTests(BrowserSite browser) : IClassFixture<BrowserSite>
{
    private const string Password = "lange zin als wachtwoord";

    [BrowserFact]
    public async Task A_staff_member_signs_in_opens_a_message_marks_it_handled_exports_and_signs_out()
    {
        var email = $"mw{Guid.NewGuid().ToString("N")[..8]}@interoffice.nl";
        var reference = await SeedAsync(email);
        await using var visit = await browser.VisitAsync();

        await visit.Page.GotoAsync("/beheer");
        Assert.Contains("/beheer/inloggen", visit.Page.Url, StringComparison.Ordinal);
        await visit.Page.GetByLabel("E-mailadres").FillAsync(email);
        await visit.Page.GetByLabel("Wachtwoord").FillAsync(Password);
        await visit.Page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await Assertions.Expect(visit.Page.GetByRole(AriaRole.Heading, new() { Name = "Berichten", Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(visit, "staff-inbox");

        await visit.Page.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Assertions.Expect(visit.Page.GetByRole(AriaRole.Heading, new() { Name = $"Bericht {reference}" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(visit, "staff-message");
        await visit.Page.GetByRole(AriaRole.Button, new() { Name = "Markeren als afgehandeld" }).ClickAsync();
        await Assertions.Expect(visit.Page.GetByText($"Afgehandeld door {email}")).ToBeVisibleAsync();

        await visit.Page.GetByRole(AriaRole.Link, new() { Name = "Terug naar de berichten" }).ClickAsync();
        var download = await visit.Page.RunAndWaitForDownloadAsync(() => visit.Page.GetByRole(AriaRole.Link, new() { Name = "Deze berichten exporteren als CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains(reference, csv, StringComparison.Ordinal);
        Assert.Contains("afgehandeld", csv, StringComparison.Ordinal);

        foreach (var path in new[] { "/beheer/persoon", "/beheer/toestemmingen", "/beheer/logboek", "/beheer/account" })
        {
            await visit.Page.GotoAsync(path);
            await AssertAccessibleAsync(visit, "staff" + path.Replace('/', '-'));
        }

        await visit.Page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).ClickAsync();
        await visit.Page.WaitForURLAsync("**/beheer/inloggen");
        await AssertAccessibleAsync(visit, "staff-sign-in");
        await visit.Page.GotoAsync("/beheer");
        Assert.Contains("/beheer/inloggen", visit.Page.Url, StringComparison.Ordinal);
        Assert.Empty(visit.ThirdPartyRequests);
    }

    [BrowserFact]
    public async Task A_staff_member_erases_a_person_is_told_which_mailbox_to_clean_and_nothing_of_them_is_left_on_disk()
    {
        var email = $"mw{Guid.NewGuid().ToString("N")[..8]}@interoffice.nl";
        var visitor = $"wis{Guid.NewGuid().ToString("N")[..8]}@example.nl";
        var reference = await SeedAsync(email, visitor, mailed: true);
        await using var visit = await SignInAsync(email);

        await visit.Page.GetByRole(AriaRole.Link, new() { Name = "Persoonsgegevens" }).ClickAsync();
        await visit.Page.GetByLabel("E-mailadres").FillAsync(visitor);
        await visit.Page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        await visit.Page.GetByRole(AriaRole.Link, new() { Name = "Alles wissen…" }).ClickAsync();
        var note = visit.Page.GetByRole(AriaRole.Note);
        await Assertions.Expect(note).ToContainTextAsync("info@interoffice.nl");
        await Assertions.Expect(note).ToContainTextAsync(reference);
        await AssertAccessibleAsync(visit, "staff-erase-confirmation");

        await visit.Page.GetByRole(AriaRole.Button, new() { Name = "Ja, alles definitief wissen" }).ClickAsync();
        await Assertions.Expect(visit.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "zijn gewist" })).ToContainTextAsync("Verwijder ook de meldingen in de mailbox van info@interoffice.nl");
        Assert.Empty(DataFolder.FilesContaining(browser.Site.DataFolder, visitor));
        Assert.Empty(DataFolder.FilesContaining(browser.Site.DataFolder, "Kunt u langskomen voor de printer?"));
    }

    private async Task<Visit> SignInAsync(string email)
    {
        var visit = await browser.VisitAsync();
        await visit.Page.GotoAsync("/beheer/inloggen");
        await visit.Page.GetByLabel("E-mailadres").FillAsync(email);
        await visit.Page.GetByLabel("Wachtwoord").FillAsync(Password);
        await visit.Page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await Assertions.Expect(visit.Page.GetByRole(AriaRole.Heading, new() { Name = "Berichten", Level = 1 })).ToBeVisibleAsync();
        return visit;
    }

    private async Task<string> SeedAsync(string email, string visitor = "ruud@example.nl", bool mailed = false)
    {
        using var client = browser.Site.CreateClient();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await StaffCommands.RunAsync(browser.Site.Services, ["staff", "create", "--email", email], new StringReader(Password + "\n"), output, error);
        Assert.True(code == 0, error.ToString());
        await using var scope = browser.Site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        var reference = "IO-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var submission = new ContactSubmission
        {
            Id = Guid.NewGuid(),
            Reference = reference,
            ReceivedAt = DateTime.UtcNow,
            Name = "Ruud Visser",
            Email = visitor,
            Message = "Kunt u langskomen voor de printer?",
            Kind = ContactKind.Access,
            Notification = mailed ? NotificationState.Sent : NotificationState.Pending,
        };
        db.Add(submission);
        if (mailed)
        {
            // As if a mail server had accepted the staff mail: a copy now sits in the staff mailbox.
            var mail = scope.ServiceProvider.GetRequiredService<SubmissionStore>().Notification(submission);
            mail.SentAt = DateTime.UtcNow;
            db.Add(mail);
        }

        await db.SaveChangesAsync();
        return reference;
    }

    private static async Task AssertAccessibleAsync(Visit visit, string name)
    {
        await visit.ScreenshotAsync(name);
        var results = await visit.Page.RunAxe();
        Assert.True(results.Violations.Length == 0, $"{name}: " + string.Join("; ", results.Violations.Select(v => $"{v.Id}: {v.Help}")));
    }
}
