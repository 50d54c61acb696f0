using Deque.AxeCore.Playwright;
using Interoffice.Web.Tests.Browser;
using Interoffice.Web.Tests.Support;
using Microsoft.Playwright;

namespace Interoffice.Web.Tests.Browser.Contact;

public sealed class ContactInBrowserTests(ContactInBrowserTests.MailedSite browser) : IClassFixture<ContactInBrowserTests.MailedSite>
{
    public sealed class MailedSite : BrowserSite
    {
        private static readonly SmtpSink SharedSmtp = SmtpSink.Started();

        public MailedSite()
            : base(new SiteFactory().WithSmtp(SharedSmtp))
        {
        }

#pragma warning disable CA1822 // the fixture is how a test reaches its mail server
        public SmtpSink Smtp => SharedSmtp;
#pragma warning restore CA1822

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            await SharedSmtp.StopAsync();
        }
    }

    [BrowserFact]
    public async Task A_visitor_fills_in_and_sends_the_form_with_the_keyboard_and_gets_a_reference()
    {
        await using var visit = await browser.VisitAsync();
        await visit.Page.GotoAsync("/contact");
        await visit.Page.GetByLabel("Waar gaat uw bericht over?").FocusAsync();

        await visit.Page.Keyboard.PressAsync("Tab");
        await visit.Page.Keyboard.TypeAsync("Petra de Vries");
        await visit.Page.Keyboard.PressAsync("Tab");
        await visit.Page.Keyboard.TypeAsync("petra@example.nl");
        await visit.Page.Keyboard.PressAsync("Tab");
        await visit.Page.Keyboard.TypeAsync("0597 123456");
        await visit.Page.Keyboard.PressAsync("Tab");
        await visit.Page.Keyboard.TypeAsync("Kunt u mij bellen over een nieuwe printer?");
        await visit.Page.Keyboard.PressAsync("Tab");
        Assert.Equal("Bericht versturen", (await visit.Page.Locator(":focus").TextContentAsync())?.Trim());
        await visit.Page.Keyboard.PressAsync("Enter");

        await visit.Page.WaitForURLAsync("**/contact/bedankt");
        var reference = await visit.Page.Locator("strong.reference").TextContentAsync();
        Assert.Matches("^IO-[0-9A-Z]{8}$", reference);
        Assert.True(await browser.Smtp.WaitForAsync(1, Eventually.Deadline));
        Assert.Contains(browser.Smtp.Messages, m => m.Subject?.Contains(reference!, StringComparison.Ordinal) == true);
        Assert.Empty(visit.ThirdPartyRequests);
    }

    [BrowserFact]
    public async Task A_form_that_expired_while_open_comes_back_with_what_was_typed_and_sends_on_the_next_try()
    {
        await using var visit = await browser.VisitAsync();
        await visit.Page.GotoAsync("/contact");
        await visit.Page.GetByLabel("Naam").FillAsync("Karin Smit");
        await visit.Page.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync("karin@example.nl");
        await visit.Page.GetByLabel("Bericht", new() { Exact = true }).FillAsync("Een bericht waar ik lang over deed.\nNiet kwijtraken graag.");

        // The page stood open too long: the browser no longer holds the form's antiforgery cookie.
        await visit.Context.ClearCookiesAsync();
        await visit.Page.GetByRole(AriaRole.Button, new() { Name = "Bericht versturen" }).ClickAsync();

        await Assertions.Expect(visit.Page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Fout: Contact"));
        await Assertions.Expect(visit.Page.Locator("#fouten")).ToBeFocusedAsync();
        await Assertions.Expect(visit.Page.Locator("#fouten")).ToContainTextAsync("Dit formulier was verlopen");
        await Assertions.Expect(visit.Page.GetByLabel("Naam")).ToHaveValueAsync("Karin Smit");
        await Assertions.Expect(visit.Page.GetByLabel("Bericht", new() { Exact = true })).ToHaveValueAsync("Een bericht waar ik lang over deed.\nNiet kwijtraken graag.");
        var results = await visit.Page.RunAxe();
        Assert.True(results.Violations.Length == 0, string.Join("; ", results.Violations.Select(v => $"{v.Id}: {v.Help}")));

        await visit.Page.GetByRole(AriaRole.Button, new() { Name = "Bericht versturen" }).ClickAsync();
        await visit.Page.WaitForURLAsync("**/contact/bedankt");
        await Assertions.Expect(visit.Page.Locator("strong.reference")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^IO-[0-9A-Z]{8}$"));
    }

    [BrowserFact]
    public async Task An_empty_send_is_caught_in_the_browser_with_the_same_Dutch_messages()
    {
        await using var visit = await browser.VisitAsync(width: 390, height: 844);
        await visit.Page.GotoAsync("/contact");
        var posts = 0;
        visit.Page.Request += (_, request) => posts += request.Method == "POST" ? 1 : 0;

        await visit.Page.GetByLabel("Naam").FillAsync("   ");
        await visit.Page.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync("jan@");
        await visit.Page.GetByRole(AriaRole.Button, new() { Name = "Bericht versturen" }).ClickAsync();

        await Assertions.Expect(visit.Page.Locator("#Name-fout")).ToHaveTextAsync("Vul uw naam in.");
        await Assertions.Expect(visit.Page.Locator("#Email-fout")).ToHaveTextAsync("Vul een geldig e-mailadres in, bijvoorbeeld naam@bedrijf.nl.");
        await Assertions.Expect(visit.Page.Locator("#Message-fout")).ToHaveTextAsync("Schrijf uw bericht.");
        Assert.Equal("Name", await visit.Page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.Equal("true", await visit.Page.GetByLabel("Naam").GetAttributeAsync("aria-invalid"));
        Assert.Equal(0, posts);
        var results = await visit.Page.RunAxe();
        Assert.True(results.Violations.Length == 0, string.Join("; ", results.Violations.Select(v => $"{v.Id}: {v.Help}")));
    }

    [BrowserFact]
    public async Task Without_javascript_an_empty_send_shows_the_servers_Dutch_messages()
    {
        await using var visit = await browser.VisitAsync(javaScript: false);
        await visit.Page.GotoAsync("/contact");

        await visit.Page.GetByRole(AriaRole.Button, new() { Name = "Bericht versturen" }).ClickAsync();

        await Assertions.Expect(visit.Page.Locator("#Name-fout")).ToHaveTextAsync("Vul uw naam in.");
        await Assertions.Expect(visit.Page.Locator("#Email-fout")).ToHaveTextAsync("Vul uw e-mailadres in, zodat wij u kunnen antwoorden.");
        await Assertions.Expect(visit.Page.Locator("#Message-fout")).ToHaveTextAsync("Schrijf uw bericht.");
        await Assertions.Expect(visit.Page.Locator("#fouten a[href='#Email']")).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task The_servers_messages_with_their_summary_pass_axe_and_lead_to_the_field()
    {
        await using var visit = await browser.VisitAsync(width: 390, height: 844);
        await visit.Page.GotoAsync("/contact");
        await visit.Page.GetByLabel("Naam").FillAsync("Sanne");
        await visit.Page.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync("sanne@example.nl");
        await visit.Page.GetByLabel("Telefoonnummer (niet verplicht)").FillAsync("bel me maar");
        await visit.Page.GetByLabel("Bericht", new() { Exact = true }).FillAsync("Graag contact.");

        await visit.Page.GetByRole(AriaRole.Button, new() { Name = "Bericht versturen" }).ClickAsync();

        await Assertions.Expect(visit.Page.Locator("#Phone-fout")).ToHaveTextAsync("Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678 of +31 6 12345678, of laat het veld leeg.");
        await Assertions.Expect(visit.Page.GetByLabel("Naam")).ToHaveValueAsync("Sanne");

        // Back from the server: the title says so first, and the reader starts at the summary of what to put right.
        await Assertions.Expect(visit.Page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Fout: Contact"));
        await Assertions.Expect(visit.Page.Locator("#fouten")).ToBeFocusedAsync();
        await visit.ScreenshotAsync("contact-errors-390");
        var results = await visit.Page.RunAxe();
        Assert.True(results.Violations.Length == 0, string.Join("; ", results.Violations.Select(v => $"{v.Id}: {v.Help}")));
        await visit.Page.Locator("#fouten a[href='#Phone']").ClickAsync();
        Assert.Equal("Phone", await visit.Page.EvaluateAsync<string>("() => document.activeElement.id"));
    }
}
