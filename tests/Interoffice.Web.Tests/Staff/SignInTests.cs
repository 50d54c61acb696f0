using System.Net;
using System.Text.RegularExpressions;
using Interoffice.Web.Areas.Beheer.Features.Account;
using Interoffice.Web.Features.Staff;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Interoffice.Web.Tests.Staff;

/// <summary>The sign-in as an attacker meets it (nothing to learn) and as staff use it (two-step, recovery codes, sessions that end).</summary>
public sealed partial class SignInTests : IAsyncLifetime
{
    private readonly SiteFactory site = new();

    public async Task InitializeAsync()
    {
        foreach (var email in new[] { "actief@interoffice.nl", "uit@interoffice.nl", "dicht@interoffice.nl" })
        {
            await Support.Staff.CreateAsync(site, email);
        }

        await Support.Staff.RunAsync(site, "", "disable", "--email", "uit@interoffice.nl");
        using var attacker = Visitor.Of(site);
        for (var i = 0; i < 5; i++)
        {
            using var _ = await Support.Staff.SignInAsync(attacker, "dicht@interoffice.nl", "geraden wachtwoord " + i);
        }
    }

    public async Task DisposeAsync() => await site.DisposeAsync();

    [Fact]
    public async Task Unknown_address_wrong_password_disabled_and_locked_account_look_exactly_the_same()
    {
        // The disabled and the locked account are tried with their right password: even that tells nothing.
        var answers = new List<(HttpStatusCode Status, string Page)>();
        foreach (var (email, password) in new[]
        {
            ("niemand@interoffice.nl", "een willekeurig wachtwoord"),
            ("actief@interoffice.nl", "een willekeurig wachtwoord"),
            ("uit@interoffice.nl", Support.Staff.Password),
            ("dicht@interoffice.nl", Support.Staff.Password),
        })
        {
            using var attacker = Visitor.Of(site);
            using var response = await Support.Staff.SignInAsync(attacker, email, password);
            var html = await response.Content.ReadAsStringAsync();
            var page = await Html.ParseAsync(html);
            Assert.Equal(SignInController.Refusal, page.QuerySelector("#fouten li")!.TextContent.Trim());
            Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("io.staff", StringComparison.Ordinal)));

            // The whole page, but for what differs on every response (form token, script nonce) and the typed address.
            answers.Add((response.StatusCode, Variable().Replace(html.Replace(email, "…", StringComparison.Ordinal), "\"…\"")));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Single(answers.Select(a => a.Page).Distinct());

        // The audit log keeps the real reason, and of an address without an account only a keyed hash.
        var targets = await AuditTargetsAsync();
        Assert.Contains(targets, t => UnknownAccountTarget().IsMatch(t ?? ""));
        Assert.DoesNotContain(targets, t => t?.Contains("niemand", StringComparison.OrdinalIgnoreCase) == true);
        Assert.Contains("actief@interoffice.nl (wachtwoord onjuist)", targets);
        Assert.Contains("uit@interoffice.nl (account uitgeschakeld)", targets);
        Assert.Contains("dicht@interoffice.nl (wachtwoord geblokkeerd)", targets);
    }

    [Theory]
    [InlineData(false, "{\"id\":\"AAAA\",\"type\":\"public-key\"}")]
    [InlineData(true, "{\"id\":\"AAAA\",\"type\":\"public-key\"}")]
    [InlineData(true, "geen json")]
    public async Task A_forged_passkey_answer_gets_the_same_refusal_and_signs_nobody_in(bool askedForOptions, string credential)
    {
        using var attacker = Visitor.Of(site);
        var page = await attacker.PageAsync("/beheer/inloggen");
        var token = page.QuerySelector("form[action='/beheer/inloggen/passkey'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        if (askedForOptions)
        {
            using var ask = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
            using var options = await attacker.SendAsync(HttpMethod.Post, "/beheer/inloggen/passkey/opties", ask);
            Assert.Contains("\"challenge\"", await options.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Credential", credential)]);
        using var response = await attacker.SendAsync(HttpMethod.Post, "/beheer/inloggen/passkey", form);
        var answer = await Html.ParseAsync(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SignInController.Refusal, answer.QuerySelector("#fouten li")!.TextContent.Trim());
        Assert.True(Support.Staff.RedirectsToSignIn((await attacker.GetAsync("/beheer")).Response), "nobody is signed in");
        Assert.Contains("passkey (passkey niet herkend)", await AuditTargetsAsync());
    }

    [Fact]
    public async Task Adding_a_passkey_takes_the_current_password_first()
    {
        using var staff = Visitor.Of(site);
        using var _ = await Support.Staff.SignInAsync(staff, "actief@interoffice.nl");
        var account = await staff.PageAsync("/beheer/account");
        var token = account.QuerySelector("form[action='/beheer/account/passkeys'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        Task<HttpResponseMessage> AskAsync(string password) =>
            staff.SendAsync(HttpMethod.Post, "/beheer/account/passkeys/opties", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Password", password)]));

        using var refused = await AskAsync("geraden wachtwoord");
        using var allowed = await AskAsync(Support.Staff.Password);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Dit wachtwoord klopt niet", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Contains("\"challenge\"", await allowed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_passkey_is_not_added_and_staff_read_why()
    {
        using var staff = Visitor.Of(site);
        using var _ = await Support.Staff.SignInAsync(staff, "actief@interoffice.nl");

        using var added = await Support.Staff.PostFormAsync(staff, "/beheer/account", "/beheer/account/passkeys", ("Name", "Nep"), ("Credential", "{\"id\":\"AAAA\"}"));

        Assert.Equal("/beheer/account", added.Headers.Location?.OriginalString);
        var account = await staff.PageAsync("/beheer/account");
        Assert.Contains("De passkey is niet toegevoegd", account.QuerySelector("main [role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("U hebt nog geen passkey.", account.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_return_link_to_the_sign_in_never_carries_an_address()
    {
        using var visitor = Visitor.Of(site);

        var (redirected, _) = await visitor.GetAsync("/beheer/persoon?email=iemand%40example.nl");
        Assert.Equal("/beheer/inloggen?terug=%2Fbeheer%2Fpersoon", redirected.Headers.Location?.OriginalString);

        // A link someone made with an address in it: the page's form does not echo it, and signing in drops it.
        var page = await visitor.PageAsync("/beheer/inloggen?terug=%2Fbeheer%2Fpersoon%3Femail%3Diemand%40example.nl");
        Assert.Equal("/beheer/inloggen?terug=%2Fbeheer%2Fpersoon", page.QuerySelector("main form")!.GetAttribute("action"));
        Assert.DoesNotContain("example.nl", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Email", "actief@interoffice.nl"), new("Password", Support.Staff.Password)]);
        using var signedIn = await visitor.SendAsync(HttpMethod.Post, "/beheer/inloggen?terug=%2Fbeheer%2Fpersoon%3Femail%3Diemand%40example.nl", form);
        Assert.Equal("/beheer/persoon", signedIn.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/beheer/iemand@example.nl")]
    [InlineData("/beheer/iemand%40example.nl")]
    [InlineData("/beheer/berichten/IO-ABCD1234")]
    [InlineData("/beheer/+31 (0)6 1234 5678")]
    public async Task A_return_path_that_holds_personal_data_is_neither_repeated_nor_followed(string path)
    {
        using var visitor = Visitor.Of(site);

        var page = await visitor.PageAsync($"/beheer/inloggen?terug={Uri.EscapeDataString(path)}");
        Assert.Equal("/beheer/inloggen", page.QuerySelector("main form")!.GetAttribute("action"));
        Assert.Equal("/beheer/inloggen/passkey", page.QuerySelector("main form.passkey-form")!.GetAttribute("action"));
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Email", "actief@interoffice.nl"), new("Password", Support.Staff.Password)]);
        using var signedIn = await visitor.SendAsync(HttpMethod.Post, $"/beheer/inloggen?terug={Uri.EscapeDataString(path)}", form);
        Assert.Equal("/beheer", signedIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_message_page_is_a_return_path_like_any_other()
    {
        using var visitor = Visitor.Of(site);
        var path = $"/beheer/berichten/{Guid.NewGuid()}";

        var (redirected, _) = await visitor.GetAsync(path);

        Assert.Equal($"/beheer/inloggen?terug={Uri.EscapeDataString(path)}", redirected.Headers.Location?.OriginalString);
        var page = await visitor.PageAsync(redirected.Headers.Location!.OriginalString);
        Assert.Equal($"/beheer/inloggen/passkey?terug={Uri.EscapeDataString(path)}", page.QuerySelector("main form.passkey-form")!.GetAttribute("action"));
    }

    [Fact]
    public async Task A_very_long_address_gets_the_same_answer_and_no_error()
    {
        using var attacker = Visitor.Of(site);
        var email = new string('a', 20_000) + "@interoffice.nl";

        using var response = await Support.Staff.SignInAsync(attacker, email, "wachtwoord van niemand");
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SignInController.Refusal, page.QuerySelector("#fouten li")!.TextContent.Trim());
        Assert.All(await AuditTargetsAsync(), t => Assert.True(t is null || t.Length <= 400));
    }

    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_address_get_the_Dutch_429_page()
    {
        await using var limited = new SiteFactory().With("Staff:SignInRateLimitPermits", "3");
        using var attacker = Visitor.Of(limited);
        for (var i = 0; i < 3; i++)
        {
            using var tried = await Support.Staff.SignInAsync(attacker, $"gok{i}@interoffice.nl", "wachtwoord");
            Assert.Equal(HttpStatusCode.OK, tried.StatusCode);
        }

        using var refused = await Support.Staff.SignInAsync(attacker, "gok3@interoffice.nl", "wachtwoord");
        var page = await Html.ParseAsync(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("te vaak geprobeerd in te loggen", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_open_session_ends_on_its_next_request_after_the_operator_resets_the_password()
    {
        using var staff = Visitor.Of(site);
        using var _ = await Support.Staff.SignInAsync(staff, "actief@interoffice.nl");
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/beheer")).Response.StatusCode);

        var (code, _, error) = await Support.Staff.RunAsync(site, "een heel nieuw wachtwoord\n", "reset-password", "--email", "actief@interoffice.nl");
        Assert.True(code == 0, error);

        Assert.True(Support.Staff.RedirectsToSignIn((await staff.GetAsync("/beheer")).Response), "the old session is refused");
    }

    [Fact]
    public async Task Switching_on_two_step_sign_in_ends_the_accounts_other_sessions_but_not_this_one()
    {
        using var phone = Visitor.Of(site);
        using var laptop = Visitor.Of(site);
        using var a = await Support.Staff.SignInAsync(phone, "actief@interoffice.nl");
        using var b = await Support.Staff.SignInAsync(laptop, "actief@interoffice.nl");

        await Support.Staff.EnableTwoFactorAsync(laptop);

        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/beheer")).Response.StatusCode);
        Assert.True(Support.Staff.RedirectsToSignIn((await phone.GetAsync("/beheer")).Response), "the other session is refused");
    }

    [Fact]
    public async Task The_set_up_page_shows_a_qr_code_and_opened_again_keeps_the_key_the_app_already_has()
    {
        using var staff = Visitor.Of(site);
        using var _ = await Support.Staff.SignInAsync(staff, "actief@interoffice.nl");

        var first = await staff.PageAsync("/beheer/account/tweestaps");
        var again = await staff.PageAsync("/beheer/account/tweestaps");

        var svg = first.QuerySelector("main svg.qr-code");
        Assert.NotNull(svg);
        Assert.Equal("img", svg!.GetAttribute("role"));
        Assert.NotEmpty(svg.QuerySelectorAll("path"));
        Assert.Empty(first.QuerySelectorAll("main script"));
        Assert.Equal(first.QuerySelector("code.totp-key")!.TextContent, again.QuerySelector("code.totp-key")!.TextContent);

        // Switched on with that key; the set-up page then sends staff back, and the key keeps working.
        var key = await Support.Staff.EnableTwoFactorAsync(staff);
        Assert.Equal(first.QuerySelector("code.totp-key")!.TextContent, key);
        var (reopened, _) = await staff.GetAsync("/beheer/account/tweestaps");
        Assert.Equal("/beheer/account", reopened.Headers.Location?.OriginalString);
        using var signedOut = await Support.Staff.PostFormAsync(staff, "/beheer/account", "/beheer/uitloggen");
        using var password = await Support.Staff.SignInAsync(staff, "actief@interoffice.nl");
        using var withCode = await Support.Staff.PostStepAsync(staff, "/beheer/inloggen/code", "Code", Support.Staff.TotpCode(key));
        Assert.Equal(HttpStatusCode.Redirect, withCode.StatusCode);
    }

    [Fact]
    public async Task A_mistyped_code_can_be_typed_again_without_the_password()
    {
        using var staff = Visitor.Of(site);
        using var _ = await Support.Staff.SignInAsync(staff, "actief@interoffice.nl");
        var key = await Support.Staff.EnableTwoFactorAsync(staff);
        using (await Support.Staff.PostFormAsync(staff, "/beheer/account", "/beheer/uitloggen"))
        {
        }

        using var password = await Support.Staff.SignInAsync(staff, "actief@interoffice.nl");
        using (var wrong = await Support.Staff.PostStepAsync(staff, "/beheer/inloggen/code", "Code", "000000"))
        {
            Assert.Contains("Deze code klopt niet", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var right = await Support.Staff.PostStepAsync(staff, "/beheer/inloggen/code", "Code", Support.Staff.TotpCode(key));
        Assert.Equal("/beheer", right.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Each_recovery_code_signs_in_once_and_staff_can_make_new_ones_with_their_password()
    {
        using var staff = Visitor.Of(site);
        using var _ = await Support.Staff.SignInAsync(staff, "actief@interoffice.nl");
        var (_, codes) = await Support.Staff.EnableTwoFactorWithCodesAsync(staff);
        Assert.Equal(10, codes.Distinct().Count());

        Assert.Equal(HttpStatusCode.Redirect, (await RecoverAsync(staff, codes[0])).StatusCode);
        var inbox = await staff.PageAsync("/beheer");
        Assert.Contains("nog 9 codes over", inbox.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        using (var reused = await RecoverAsync(staff, codes[0]))
        {
            Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
            Assert.Contains("al gebruikt", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await RecoverAsync(staff, codes[1])).StatusCode);

        // New codes need the current password; the old ones stop working.
        using (var wrong = await Support.Staff.PostFormAsync(staff, "/beheer/account", "/beheer/account/herstelcodes", ("Password", "niet mijn wachtwoord")))
        {
            Assert.Contains("Dit wachtwoord klopt niet", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var renewed = await Support.Staff.PostFormAsync(staff, "/beheer/account", "/beheer/account/herstelcodes", ("Password", Support.Staff.Password));
        var fresh = (await Html.ParseAsync(await renewed.Content.ReadAsStringAsync())).QuerySelectorAll("ul.recovery-codes code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, fresh.Count);
        Assert.Equal(HttpStatusCode.OK, (await RecoverAsync(staff, codes[2])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await RecoverAsync(staff, fresh[0])).StatusCode);
    }

    [Fact]
    public async Task Switching_two_step_off_asks_for_the_current_password()
    {
        using var staff = Visitor.Of(site);
        using var _ = await Support.Staff.SignInAsync(staff, "actief@interoffice.nl");
        await Support.Staff.EnableTwoFactorAsync(staff);

        using (var wrong = await Support.Staff.PostFormAsync(staff, "/beheer/account", "/beheer/account/tweestaps/uit", ("Password", "niet mijn wachtwoord")))
        {
            var page = await Html.ParseAsync(await wrong.Content.ReadAsStringAsync());
            Assert.Equal("Dit wachtwoord klopt niet. Vul uw huidige wachtwoord in.", page.QuerySelector("#wachtwoord-uit-fout")!.TextContent);
            Assert.Contains("staat aan", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        }

        using var off = await Support.Staff.PostFormAsync(staff, "/beheer/account", "/beheer/account/tweestaps/uit", ("Password", Support.Staff.Password));
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.Contains("staat uit", (await staff.PageAsync("/beheer/account")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_staff_reset_2fa_a_staff_member_who_lost_their_phone_signs_in_with_the_password_alone()
    {
        using var staff = Visitor.Of(site);
        using var _ = await Support.Staff.SignInAsync(staff, "actief@interoffice.nl");
        await Support.Staff.EnableTwoFactorAsync(staff);

        var (code, output, error) = await Support.Staff.RunAsync(site, "", "reset-2fa", "--email", "actief@interoffice.nl");

        Assert.True(code == 0, error);
        Assert.Contains("Tweestapsverificatie van actief@interoffice.nl staat uit", output, StringComparison.Ordinal);
        Assert.True(Support.Staff.RedirectsToSignIn((await staff.GetAsync("/beheer")).Response), "the open session ended");
        using var again = await Support.Staff.SignInAsync(staff, "actief@interoffice.nl");
        Assert.Equal("/beheer", again.Headers.Location?.OriginalString);
        Assert.Contains(AuditAction.ResetTwoFactor, await AuditActionsAsync());
    }

    // The sign-in with a password first (which asks for the second step), then the recovery code.
    private static async Task<HttpResponseMessage> RecoverAsync(Visitor staff, string code)
    {
        var (account, _) = await staff.GetAsync("/beheer/account");
        if (account.StatusCode == HttpStatusCode.OK)
        {
            using (await Support.Staff.PostFormAsync(staff, "/beheer/account", "/beheer/uitloggen"))
            {
            }
        }

        account.Dispose();

        using var password = await Support.Staff.SignInAsync(staff, "actief@interoffice.nl");
        Assert.StartsWith("/beheer/inloggen/code", password.Headers.Location?.OriginalString, StringComparison.Ordinal);
        return await Support.Staff.PostStepAsync(staff, "/beheer/inloggen/herstelcode", "Code", code);
    }

    private async Task<List<string?>> AuditTargetsAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Set<AuditEntry>().Select(a => a.Target).ToListAsync();
    }

    private async Task<List<string>> AuditActionsAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Set<AuditEntry>().Select(a => a.Action).ToListAsync();
    }

    [GeneratedRegex("^onbekend account #[0-9a-f]{12} \\(geen account\\)$")]
    private static partial Regex UnknownAccountTarget();

    [GeneratedRegex("\"CfDJ8[^\"]*\"|nonce=\"[^\"]*\"")]
    private static partial Regex Variable();
}
