using System.Text.RegularExpressions;
using Interoffice.Web.Tests.Browser;
using Interoffice.Web.Tests.Support;
using Interoffice.Web.Features.Staff;
using Microsoft.Playwright;
using MimeKit;

namespace Interoffice.Web.Tests.Browser.Newsletter;

/// <summary>
/// The newsletter in Chromium: a visitor signs up in the footer and confirms without JavaScript, staff write and send
/// an issue (a script in it runs nowhere), and the visitor leaves with the one button behind the link in the mail.
/// </summary>
public sealed partial class NewsletterInBrowserTests(BrowserSite browser) : IClassFixture<BrowserSite>
{
    private const string Password = "lange zin als wachtwoord";

    [BrowserFact]
    public async Task A_visitor_signs_up_and_confirms_without_javascript_gets_what_staff_send_and_leaves_with_one_button()
    {
        var address = $"lezer{Guid.NewGuid().ToString("N")[..8]}@example.nl";
        await using var visitor = await browser.VisitAsync(javaScript: false);
        await visitor.Page.GotoAsync("/diensten");
        await visitor.Page.GetByLabel("E-mailadres voor de nieuwsbrief").FillAsync(address);
        await visitor.SubmitAsync(visitor.Page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }));
        await Assertions.Expect(visitor.Page.GetByRole(AriaRole.Heading, new() { Name = "Kijk in uw mailbox", Level = 1 })).ToBeVisibleAsync();
        Assert.Empty(await visitor.CookieNamesAsync());

        // axe needs a script: a second browser, with scripts, reads the same pages (opening a link confirms nothing).
        await using var reader = await browser.VisitAsync();
        await reader.Page.GotoAsync("/nieuwsbrief/aangemeld");
        await reader.AssertAccessibleAsync("newsletter-pending");
        var confirmation = await MailToAsync(address, "Bevestig");
        var confirmLink = new Uri(Link(confirmation, "/nieuwsbrief/bevestigen")).PathAndQuery;
        await reader.Page.GotoAsync(confirmLink);
        await reader.AssertAccessibleAsync("newsletter-confirm");
        await visitor.Page.GotoAsync(confirmLink);
        await visitor.SubmitAsync(visitor.Page.GetByRole(AriaRole.Button, new() { Name = "Ja, ik wil de nieuwsbrief ontvangen" }));
        await Assertions.Expect(visitor.Page.GetByRole(AriaRole.Heading, new() { Name = "U bent aangemeld", Level = 1 })).ToBeVisibleAsync();

        await reader.Page.GotoAsync("/nieuwsbrief");
        await Assertions.Expect(reader.Page.GetByRole(AriaRole.Heading, new() { Name = "Geen tracking" })).ToBeVisibleAsync();
        await reader.AssertAccessibleAsync("newsletter");

        await using var staff = await SignedInStaffAsync();
        var dialogs = 0;
        staff.Page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        await staff.Page.GetByRole(AriaRole.Link, new() { Name = "Nieuwsbrief", Exact = true }).ClickAsync();
        await staff.AssertAccessibleAsync("staff-newsletter");
        await staff.Page.GetByRole(AriaRole.Link, new() { Name = "Nieuwe nieuwsbrief" }).ClickAsync();
        await staff.Page.GetByLabel("Onderwerp").FillAsync("Open dag");
        await staff.Page.GetByLabel("Tekst (Markdown)").FillAsync("Kom **zaterdag** langs.\n\n<script>window.ran = 1; alert('x')</script>\n\n<img src=x onerror=\"window.ran = 2\">");
        await staff.Page.GetByRole(AriaRole.Button, new() { Name = "Voorbeeld" }).ClickAsync();
        await Assertions.Expect(staff.Page.Locator("section[aria-labelledby=voorbeeld] strong")).ToHaveTextAsync("zaterdag");
        await staff.AssertAccessibleAsync("staff-newsletter-editor");
        await staff.Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Versturen aan") }).ClickAsync();
        await Assertions.Expect(staff.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Versturen aan");
        await staff.AssertAccessibleAsync("staff-newsletter-confirm");
        await staff.SubmitAsync(staff.Page.GetByRole(AriaRole.Button, new() { Name = "Ja, versturen" }));
        await Assertions.Expect(staff.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Open dag" })).ToContainTextAsync("staat klaar voor 1 abonnee");
        Assert.Null(await staff.Page.EvaluateAsync<int?>("() => window.ran ?? null"));
        Assert.Equal(0, dialogs);

        var issue = await MailToAsync(address, "Open dag");
        Assert.DoesNotContain("<script", issue.HtmlBody, StringComparison.OrdinalIgnoreCase);
        var unsubscribe = new Uri(Link(issue, "/nieuwsbrief/afmelden")).PathAndQuery;
        await reader.Page.GotoAsync(unsubscribe);
        await reader.AssertAccessibleAsync("newsletter-unsubscribe");
        await visitor.Page.GotoAsync(unsubscribe);
        await Assertions.Expect(visitor.Page.Locator("main").GetByRole(AriaRole.Button)).ToHaveCountAsync(1);
        await visitor.SubmitAsync(visitor.Page.GetByRole(AriaRole.Button, new() { Name = "Afmelden" }));
        await Assertions.Expect(visitor.Page.GetByRole(AriaRole.Heading, new() { Name = "U bent afgemeld", Level = 1 })).ToBeVisibleAsync();

        Assert.Empty(await visitor.CookieNamesAsync());
        Assert.Empty(visitor.ConsoleProblems);
        Assert.Empty(reader.ConsoleProblems);
        Assert.Empty(staff.ConsoleProblems);
        Assert.Empty(visitor.ThirdPartyRequests);
    }

    private async Task<Visit> SignedInStaffAsync()
    {
        var email = $"redactie{Guid.NewGuid().ToString("N")[..8]}@interoffice.nl";
        using (var output = new StringWriter())
        using (var error = new StringWriter())
        {
            using var _ = browser.Site.CreateClient();
            Assert.Equal(0, await StaffCommands.RunAsync(browser.Site.Services, ["staff", "create", "--email", email], new StringReader(Password + "\n"), output, error));
        }

        var staff = await browser.VisitAsync();
        await staff.Page.GotoAsync("/beheer/inloggen");
        await staff.Page.GetByLabel("E-mailadres").FillAsync(email);
        await staff.Page.GetByLabel("Wachtwoord").FillAsync(Password);
        await staff.Page.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();
        await Assertions.Expect(staff.Page.GetByRole(AriaRole.Link, new() { Name = "Nieuwsbrief", Exact = true })).ToBeVisibleAsync();
        return staff;
    }

    // The site has no mail server here: its mail is in the pickup folder, as an operator would find it.
    private async Task<MimeMessage> MailToAsync(string address, string subject) =>
        (await Eventually.ReturnsAsync(() => FindMailAsync(address, subject), mail => mail is not null, $"a mail '{subject}' to {address}"))!;

    private async Task<MimeMessage?> FindMailAsync(string address, string subject)
    {
        foreach (var file in Directory.Exists(browser.Site.PickupFolder) ? Directory.GetFiles(browser.Site.PickupFolder, "*.eml") : [])
        {
            var mail = await MimeMessage.LoadAsync(file);
            if (mail.To.Mailboxes.Any(m => m.Address == address) && mail.Subject!.Contains(subject, StringComparison.Ordinal))
            {
                return mail;
            }
        }

        return null;
    }

    private static string Link(MimeMessage mail, string path) =>
        LinkPattern().Matches(mail.TextBody ?? "").Select(m => m.Value).First(l => new Uri(l).AbsolutePath == path);

    [GeneratedRegex(@"https?://[^\s]+")]
    private static partial Regex LinkPattern();
}
