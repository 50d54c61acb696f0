using Deque.AxeCore.Playwright;
using Interoffice.Web.Tests.Browser;
using Interoffice.Web.Features.Consent;
using Interoffice.Web.Features.Contact;
using Interoffice.Web.Features.Staff;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Email;
using Interoffice.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Interoffice.Web.Tests.Browser.Staff;

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
        await visit.Page.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();
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
        Assert.Contains("\"Afgehandeld\"", csv, StringComparison.Ordinal);

        await SeedConsentAsync();
        foreach (var path in new[] { "/beheer/persoon", "/beheer/toestemmingen", "/beheer/toestemmingen/cijfers", "/beheer/logboek", "/beheer/account" })
        {
            await visit.Page.GotoAsync(path);
            await AssertAccessibleAsync(visit, "staff" + path.Replace('/', '-'));
        }

        await visit.Page.GotoAsync("/beheer/toestemmingen/cijfers");
        await Assertions.Expect(visit.Page.GetByRole(AriaRole.Img, new() { Name = "Keuzes per week, naar hoe ze zijn gemaakt" })).ToBeVisibleAsync();
        await Assertions.Expect(visit.Page.GetByRole(AriaRole.Img, new() { Name = "Aandeel toegestaan per categorie" })).ToBeVisibleAsync();

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
        var phrase = $"Onze nietmachine {Guid.NewGuid():N} hapert";
        var reference = await SeedAsync(email, visitor, mailed: true, message: phrase);
        await using var visit = await SignInAsync(email);

        await visit.Page.GetByRole(AriaRole.Link, new() { Name = "Persoonsgegevens" }).ClickAsync();
        await visit.Page.GetByLabel("E-mailadres").FillAsync(visitor);
        await visit.Page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        await visit.Page.GetByRole(AriaRole.Button, new() { Name = "Alles wissen…" }).ClickAsync();
        var note = visit.Page.GetByRole(AriaRole.Note);
        await Assertions.Expect(note).ToContainTextAsync("info@interoffice.nl");
        await Assertions.Expect(note).ToContainTextAsync(reference);
        await AssertAccessibleAsync(visit, "staff-erase-confirmation");

        await visit.Page.GetByRole(AriaRole.Button, new() { Name = "Ja, alles definitief wissen" }).ClickAsync();
        await Assertions.Expect(visit.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "zijn gewist" })).ToContainTextAsync("Verwijder ook de meldingen in de mailbox van info@interoffice.nl");
        Assert.Empty(DataFolder.FilesContaining(browser.Site.DataFolder, visitor));
        Assert.Empty(DataFolder.FilesContaining(browser.Site.DataFolder, phrase));
    }

    [BrowserFact]
    public async Task A_staff_member_adds_a_passkey_and_then_signs_in_with_it_without_password_or_code()
    {
        var email = $"mw{Guid.NewGuid().ToString("N")[..8]}@interoffice.nl";
        await SeedAsync(email);
        await using var visit = await browser.VisitAsync(host: "localhost");

        // A platform authenticator as a laptop has one: fingerprint or PIN checked, passkey kept on the device.
        var devtools = await visit.Context.NewCDPSessionAsync(visit.Page);
        await devtools.SendAsync("WebAuthn.enable");
        await devtools.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
        await SignInAsync(email, visit);

        await visit.Page.GetByRole(AriaRole.Link, new() { Name = "Account" }).ClickAsync();
        await visit.Page.GetByLabel("Naam van de passkey").FillAsync("Laptop kantoor");
        await visit.Page.Locator("#passkey-wachtwoord").FillAsync(Password);
        await visit.Page.GetByRole(AriaRole.Button, new() { Name = "Passkey toevoegen" }).ClickAsync();
        await Assertions.Expect(visit.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "is toegevoegd" })).ToContainTextAsync("Laptop kantoor");
        await Assertions.Expect(visit.Page.Locator(".passkey-list")).ToContainTextAsync("Laptop kantoor");
        await AssertAccessibleAsync(visit, "staff-account-passkeys");

        await visit.Page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).ClickAsync();
        await visit.Page.WaitForURLAsync("**/beheer/inloggen");

        // Two-step sign-in is on: the password would now ask for a code, the passkey does not.
        await using (var scope = browser.Site.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = await users.FindByEmailAsync(email);
            await users.ResetAuthenticatorKeyAsync(user!);
            await users.SetTwoFactorEnabledAsync(user!, true);
            await users.GenerateNewTwoFactorRecoveryCodesAsync(user!, 10);

            // A stranger has just typed five wrong passwords for this address: the password is locked, the passkey is not.
            for (var i = 0; i < 5; i++)
            {
                await users.AccessFailedAsync(user!);
            }

            Assert.True(await users.IsLockedOutAsync(user!));
        }

        var passkeyButton = visit.Page.GetByRole(AriaRole.Button, new() { Name = "Inloggen met passkey" });
        await Assertions.Expect(passkeyButton).ToBeVisibleAsync();
        await AssertAccessibleAsync(visit, "staff-sign-in-passkey");
        await passkeyButton.ClickAsync();

        // The ceremony takes two round trips and a signature check: on a busy 2-core machine more than the default 5 s.
        await Assertions.Expect(visit.Page.GetByRole(AriaRole.Heading, new() { Name = "Berichten", Level = 1 })).ToBeVisibleAsync(new() { Timeout = 20_000 });
        Assert.DoesNotContain(visit.Requests, r => r.Contains("/beheer/inloggen/code", StringComparison.Ordinal));
        Assert.Empty(visit.ConsoleProblems);

        // The same person on another computer, still within the lockout: the password alone is refused like any other,
        // and the refusal asks for the code with it, which gets them in.
        await using var elsewhere = await browser.VisitAsync();
        await elsewhere.Page.GotoAsync("/beheer/inloggen");
        await elsewhere.Page.GetByLabel("E-mailadres").FillAsync(email);
        await elsewhere.Page.GetByLabel("Wachtwoord").FillAsync(Password);
        await elsewhere.Page.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();
        await Assertions.Expect(elsewhere.Page.Locator("#fouten")).ToContainTextAsync("alleen inloggen met een passkey, of met uw wachtwoord samen met de code uit uw app");
        await elsewhere.Page.GetByLabel("Wachtwoord").FillAsync(Password);
        await elsewhere.Page.GetByLabel("Code uit uw app of herstelcode").FillAsync(Totp.Code(await AuthenticatorKeyAsync(email)));
        await elsewhere.Page.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();
        await Assertions.Expect(elsewhere.Page.GetByRole(AriaRole.Heading, new() { Name = "Berichten", Level = 1 })).ToBeVisibleAsync();

        // The account page with two-step sign-in on, and the passkey removed there.
        await visit.Page.GetByRole(AriaRole.Link, new() { Name = "Account" }).ClickAsync();
        await Assertions.Expect(visit.Page.GetByRole(AriaRole.Button, new() { Name = "Tweestapsverificatie uitzetten" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(visit, "staff-account-two-step-on");
        await visit.Page.GetByRole(AriaRole.Button, new() { Name = "Passkey Laptop kantoor verwijderen" }).ClickAsync();
        await Assertions.Expect(visit.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "is verwijderd" })).ToContainTextAsync("Laptop kantoor");
        await Assertions.Expect(visit.Page.Locator(".passkey-list")).ToHaveCountAsync(0);

        // A change to how the account signs in ends its other sessions on their next request.
        await elsewhere.Page.GotoAsync("/beheer");
        await Assertions.Expect(elsewhere.Page.GetByRole(AriaRole.Heading, new() { Name = "Inloggen", Level = 1 })).ToBeVisibleAsync();

        await using var audited = browser.Site.Services.CreateAsyncScope();
        var audit = await audited.ServiceProvider.GetRequiredService<SiteDbContext>().Set<AuditEntry>().Where(a => a.Actor == email).Select(a => a.Action).ToListAsync();
        Assert.Contains(AuditAction.AddPasskey, audit);
        Assert.Contains(AuditAction.SignInPasskey, audit);
        Assert.Contains(AuditAction.RemovePasskey, audit);
    }

    private async Task<string> AuthenticatorKeyAsync(string email)
    {
        await using var scope = browser.Site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        return (await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync(email))!))!;
    }

    [BrowserFact]
    public async Task The_two_step_set_up_shows_a_qr_code_and_the_recovery_codes_once()
    {
        var email = $"mw{Guid.NewGuid().ToString("N")[..8]}@interoffice.nl";
        await SeedAsync(email);
        await using var visit = await SignInAsync(email);

        await visit.Page.GotoAsync("/beheer/account");
        await visit.Page.GetByRole(AriaRole.Link, new() { Name = "Tweestapsverificatie instellen" }).ClickAsync();
        var qr = visit.Page.GetByRole(AriaRole.Img, new() { Name = "QR-code met de sleutel voor uw authenticator-app" });
        await Assertions.Expect(qr).ToBeVisibleAsync();
        var box = await qr.BoundingBoxAsync();
        Assert.True(box is { Width: >= 200, Height: >= 200 }, "the QR code is large enough to scan");
        await AssertAccessibleAsync(visit, "staff-two-step-set-up");

        var key = await visit.Page.Locator("code.totp-key").TextContentAsync();
        await visit.Page.GetByLabel("Code uit uw app").FillAsync(Totp.Code(key!));
        await visit.Page.GetByRole(AriaRole.Button, new() { Name = "Tweestapsverificatie aanzetten" }).ClickAsync();
        await Assertions.Expect(visit.Page.Locator("ul.recovery-codes code")).ToHaveCountAsync(10);
        await AssertAccessibleAsync(visit, "staff-recovery-codes");
    }

    [BrowserFact]
    public async Task Without_javascript_the_sign_in_page_shows_no_passkey_button_and_the_password_still_works()
    {
        var email = $"mw{Guid.NewGuid().ToString("N")[..8]}@interoffice.nl";
        await SeedAsync(email);
        await using var visit = await browser.VisitAsync(javaScript: false, host: "localhost");

        await SignInAsync(email, visit);

        await visit.Page.GotoAsync("/beheer/account");
        await Assertions.Expect(visit.Page.GetByRole(AriaRole.Button, new() { Name = "Passkey toevoegen" })).ToBeHiddenAsync();
        await visit.Page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).ClickAsync();
        await Assertions.Expect(visit.Page.GetByRole(AriaRole.Button, new() { Name = "Inloggen met passkey" })).ToBeHiddenAsync();
    }

    [BrowserFact]
    public async Task In_a_browser_without_passkeys_the_sign_in_page_shows_no_passkey_button_and_the_password_still_works()
    {
        var email = $"mw{Guid.NewGuid().ToString("N")[..8]}@interoffice.nl";
        await SeedAsync(email);
        await using var visit = await browser.VisitAsync(host: "localhost");
        await visit.Context.AddInitScriptAsync("delete window.PublicKeyCredential;");

        await visit.Page.GotoAsync("/beheer/inloggen");
        await Assertions.Expect(visit.Page.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(visit.Page.GetByRole(AriaRole.Button, new() { Name = "Inloggen met passkey" })).ToBeHiddenAsync();
        await SignInAsync(email, visit);
        await visit.Page.GotoAsync("/beheer/account");
        await Assertions.Expect(visit.Page.GetByRole(AriaRole.Button, new() { Name = "Passkey toevoegen" })).ToBeHiddenAsync();
        Assert.Empty(visit.ConsoleProblems);
    }

    [BrowserFact]
    public async Task A_refused_sign_in_and_a_wrong_code_bring_the_reader_to_what_went_wrong()
    {
        var email = $"mw{Guid.NewGuid().ToString("N")[..8]}@interoffice.nl";
        await SeedAsync(email);
        await using (var scope = browser.Site.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = await users.FindByEmailAsync(email);
            await users.ResetAuthenticatorKeyAsync(user!);
            await users.SetTwoFactorEnabledAsync(user!, true);
        }

        // Without a script as with one, the title says so first and the reader starts at the summary.
        foreach (var javaScript in new[] { false, true })
        {
            await using var attempt = await browser.VisitAsync(javaScript: javaScript);
            await attempt.Page.GotoAsync("/beheer/inloggen");
            await attempt.Page.GetByLabel("E-mailadres").FillAsync(email);
            await attempt.Page.GetByLabel("Wachtwoord").FillAsync("niet mijn wachtwoord");
            await attempt.Page.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();

            await Assertions.Expect(attempt.Page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Fout: Inloggen"));
            await Assertions.Expect(attempt.Page.Locator("#fouten")).ToBeFocusedAsync();
            await Assertions.Expect(attempt.Page.Locator("#fouten")).ToContainTextAsync(Interoffice.Web.Areas.Beheer.Features.Account.SignInController.Refusal);
            await Assertions.Expect(attempt.Page.GetByLabel("E-mailadres")).ToHaveValueAsync(email);
        }

        // axe needs a script; the page is the same.
        await using var visit = await browser.VisitAsync();
        await visit.Page.GotoAsync("/beheer/inloggen");
        await visit.Page.GetByLabel("E-mailadres").FillAsync(email);
        await visit.Page.GetByLabel("Wachtwoord").FillAsync("niet mijn wachtwoord");
        await visit.Page.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();
        await Assertions.Expect(visit.Page.Locator("#fouten")).ToBeFocusedAsync();
        await AssertAccessibleAsync(visit, "staff-sign-in-refused");

        await visit.Page.GetByLabel("Wachtwoord").FillAsync(Password);
        await visit.Page.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();
        await visit.Page.GetByLabel("Code uit uw authenticator-app").FillAsync("000000");
        await visit.Page.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();

        await Assertions.Expect(visit.Page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Fout: Inlogcode"));
        await Assertions.Expect(visit.Page.Locator("#fouten")).ToBeFocusedAsync();
        var code = visit.Page.GetByLabel("Code uit uw authenticator-app");
        await Assertions.Expect(code).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(code).ToHaveAccessibleDescriptionAsync("Deze code klopt niet. Gebruik de code die nu in uw app staat.");
        await AssertAccessibleAsync(visit, "staff-code-refused");

        // The summary's message leads to the field it is about.
        await visit.Page.Locator("#fouten a[href='#Code']").ClickAsync();
        await Assertions.Expect(code).ToBeFocusedAsync();

        // The phone is lost: a recovery code instead, mistyped first.
        await visit.Page.GetByRole(AriaRole.Link, new() { Name = "Telefoon kwijt? Inloggen met een herstelcode" }).ClickAsync();
        await AssertAccessibleAsync(visit, "staff-recovery-code");
        await visit.Page.GetByLabel("Herstelcode").FillAsync("geen-code");
        await visit.Page.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();
        await Assertions.Expect(visit.Page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Fout: Inloggen met een herstelcode"));
        await Assertions.Expect(visit.Page.Locator("#fouten")).ToBeFocusedAsync();
        await Assertions.Expect(visit.Page.GetByLabel("Herstelcode")).ToHaveAttributeAsync("aria-invalid", "true");
        await AssertAccessibleAsync(visit, "staff-recovery-code-refused");
    }

    private async Task<Visit> SignInAsync(string email, Visit? into = null)
    {
        var visit = into ?? await browser.VisitAsync();
        await visit.Page.GotoAsync("/beheer/inloggen");
        await visit.Page.GetByLabel("E-mailadres").FillAsync(email);
        await visit.Page.GetByLabel("Wachtwoord").FillAsync(Password);
        await visit.Page.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();
        await Assertions.Expect(visit.Page.GetByRole(AriaRole.Heading, new() { Name = "Berichten", Level = 1 })).ToBeVisibleAsync();
        return visit;
    }

    private async Task<string> SeedAsync(string email, string visitor = "ruud@example.nl", bool mailed = false, string? message = null)
    {
        using var client = browser.Site.CreateClient();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await StaffCommands.RunAsync(browser.Site.Services, ["staff", "create", "--email", email], new StringReader(Password + "\n"), output, error);
        Assert.True(code == 0, error.ToString());
        await using var scope = browser.Site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        var reference = "IO-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var submission = ContactSubmission.Receive(reference, browser.Site.Now(), ContactKind.Access, "Ruud Visser", visitor, phone: null, message ?? "Kunt u langskomen voor de printer?");
        db.Add(submission);
        if (mailed)
        {
            // As if a mail server had accepted the staff mail: a copy now sits in the staff mailbox. (Written as the
            // row the sender leaves behind; only the outbox changes a message in the site itself.)
            var mail = scope.ServiceProvider.GetRequiredService<SubmissionStore>().Notification(submission);
            scope.ServiceProvider.GetRequiredService<Outbox>().Queue(mail);
            db.Entry(mail).Property(m => m.SentAt).CurrentValue = browser.Site.Now();
        }

        await db.SaveChangesAsync();
        return reference;
    }

    /// <summary>Choices of the past days, appended to the chained log as the site appends them.</summary>
    private async Task SeedConsentAsync()
    {
        await using var scope = browser.Site.Services.CreateAsyncScope();
        var log = scope.ServiceProvider.GetRequiredService<ConsentLog>();
        var policy = scope.ServiceProvider.GetRequiredService<ConsentPolicyProvider>().Current;
        var now = browser.Site.Clock.GetUtcNow();
        foreach (var (daysAgo, method, granted) in new[] { (8, ConsentMethod.AcceptAll, true), (7, ConsentMethod.Settings, true), (1, ConsentMethod.RejectAll, false), (0, ConsentMethod.AcceptAll, true) })
        {
            var state = new ConsentChoice(Guid.NewGuid().ToString(), policy.Version, granted ? new HashSet<ConsentCategory>([ConsentCategory.Analytics]) : [], now.AddDays(-daysAgo), method, policy.Statement.Version);
            await log.AppendAsync(state, policy, globalPrivacyControl: !granted, "Mozilla/5.0 Chrome/140.0", CancellationToken.None);
        }
    }

    private static Task AssertAccessibleAsync(Visit visit, string name) => visit.AssertAccessibleAsync(name);
}
