using Interoffice.Web.Areas.Beheer.Features.Account;
using System.Net;
using Interoffice.Web.Features.Staff;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Interoffice.Web.Tests.Staff;

public sealed class StaffAccountTests
{
    [Fact]
    public async Task The_verbs_create_list_disable_and_reset_accounts()
    {
        await using var site = new SiteFactory();
        await Support.Staff.CreateAsync(site, "anna@interoffice.nl");
        await Support.Staff.CreateAsync(site, "bert@interoffice.nl");

        var listed = await Support.Staff.RunAsync(site, "", "list");
        Assert.Equal(0, listed.ExitCode);
        Assert.Contains("anna@interoffice.nl\tactief", listed.Output, StringComparison.Ordinal);

        var disabled = await Support.Staff.RunAsync(site, "", "disable", "--email", "bert@interoffice.nl");
        Assert.Equal(0, disabled.ExitCode);
        Assert.Contains("bert@interoffice.nl\tuitgeschakeld", (await Support.Staff.RunAsync(site, "", "list")).Output, StringComparison.Ordinal);

        var reset = await Support.Staff.RunAsync(site, "een heel nieuw wachtwoord\n", "reset-password", "--email", "anna@interoffice.nl");
        Assert.Equal(0, reset.ExitCode);
        using var visitor = Visitor.Of(site);
        Assert.Equal(HttpStatusCode.Redirect, (await Support.Staff.SignInAsync(visitor, "anna@interoffice.nl", "een heel nieuw wachtwoord")).StatusCode);

        await using var scope = site.Services.CreateAsyncScope();
        var actions = await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Set<AuditEntry>().Where(a => a.Actor == AuditLog.CommandLine).Select(a => a.Action).ToListAsync();
        Assert.Equal([AuditAction.CreateAccount, AuditAction.CreateAccount, AuditAction.DisableAccount, AuditAction.ResetPassword], actions);
    }

    [Fact]
    public async Task A_password_shorter_than_twelve_characters_is_refused_in_Dutch()
    {
        await using var site = new SiteFactory();

        var result = await Support.Staff.RunAsync(site, "kort\n", "create", "--email", "kees@interoffice.nl");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Het wachtwoord moet minstens 12 tekens lang zijn.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_address_longer_than_an_account_can_hold_is_refused_in_Dutch_and_nothing_is_made()
    {
        await using var site = new SiteFactory();
        var email = new string('k', 250) + "@interoffice.nl";

        var result = await Support.Staff.RunAsync(site, Support.Staff.Password + "\n", "create", "--email", email);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Dit e-mailadres is te lang: een account heeft hoogstens 256 tekens.", result.Error, StringComparison.Ordinal);
        var listed = await Support.Staff.RunAsync(site, "", "list");
        Assert.Contains("Er zijn nog geen accounts", listed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_verbs_work_on_the_published_program_with_the_password_on_standard_input()
    {
        var database = SiteProcess.NewDatabasePath();
        var environment = new Dictionary<string, string> { ["ConnectionStrings__Default"] = $"Data Source={database}" };

        var created = await SiteProcess.RunAsync(["staff", "create", "--email", "dirk@interoffice.nl"], environment, standardInput: Support.Staff.Password + "\n");
        var listed = await SiteProcess.RunAsync(["staff", "list"], environment);

        Assert.True(created.ExitCode == 0, created.Output);
        Assert.Contains("dirk@interoffice.nl", listed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_fifteen_minutes_without_saying_so_on_the_page()
    {
        await using var site = new SiteFactory();
        await Support.Staff.CreateAsync(site, "eva@interoffice.nl");
        using var visitor = Visitor.Of(site);

        for (var i = 0; i < 5; i++)
        {
            using var wrong = await Support.Staff.SignInAsync(visitor, "eva@interoffice.nl", "niet het goede wachtwoord");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var right = await Support.Staff.SignInAsync(visitor, "eva@interoffice.nl");
        var page = await Html.ParseAsync(await right.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains(SignInController.Refusal, page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("eva@interoffice.nl\ttijdelijk geblokkeerd", (await Support.Staff.RunAsync(site, "", "list")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_in_Dutch_and_written_to_the_audit_log_with_its_reason()
    {
        await using var site = new SiteFactory();
        await Support.Staff.CreateAsync(site, "fien@interoffice.nl");
        using var visitor = Visitor.Of(site);

        using var response = await Support.Staff.SignInAsync(visitor, "fien@interoffice.nl", "verkeerd wachtwoord!");
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());

        Assert.Contains(SignInController.Refusal, page.Body!.TextContent, StringComparison.Ordinal);
        await using var scope = site.Services.CreateAsyncScope();
        Assert.Contains(await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Set<AuditEntry>().ToListAsync(),
            a => a.Action == AuditAction.SignInFailed && a.Target == "fien@interoffice.nl (wachtwoord onjuist)");
    }

    [Fact]
    public async Task The_sign_in_cookie_is_http_only_secure_and_strict()
    {
        await using var site = new SiteFactory();
        await Support.Staff.CreateAsync(site, "gijs@interoffice.nl");
        using var visitor = Visitor.Of(site);

        using var response = await Support.Staff.SignInAsync(visitor, "gijs@interoffice.nl");

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("io.staff=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("secure", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", cookie, StringComparison.Ordinal);
        Assert.Equal("/beheer", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_disabled_account_loses_its_open_session_on_the_next_request()
    {
        await using var site = new SiteFactory();
        await Support.Staff.CreateAsync(site, "hans@interoffice.nl");
        using var visitor = Visitor.Of(site);
        using var _ = await Support.Staff.SignInAsync(visitor, "hans@interoffice.nl");
        var (before, _) = await visitor.GetAsync("/beheer");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        await Support.Staff.RunAsync(site, "", "disable", "--email", "hans@interoffice.nl");
        var (after, _) = await visitor.GetAsync("/beheer");

        Assert.NotEqual(HttpStatusCode.OK, after.StatusCode);
        using var again = await Support.Staff.SignInAsync(visitor, "hans@interoffice.nl");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains(SignInController.Refusal, await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_step_sign_in_with_an_authenticator_app_can_be_switched_on()
    {
        await using var site = new SiteFactory();
        await Support.Staff.CreateAsync(site, "ilse@interoffice.nl");
        using var visitor = Visitor.Of(site);
        using var signedIn = await Support.Staff.SignInAsync(visitor, "ilse@interoffice.nl");

        var key = await Support.Staff.EnableTwoFactorAsync(visitor);
        using var signedOut = await Support.Staff.PostFormAsync(visitor, "/beheer/account", "/beheer/uitloggen");

        using var password = await Support.Staff.SignInAsync(visitor, "ilse@interoffice.nl");
        Assert.StartsWith("/beheer/inloggen/code", password.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var (blocked, _) = await visitor.GetAsync("/beheer");
        Assert.True(Support.Staff.RedirectsToSignIn(blocked), "a password alone does not open the staff area");

        var codePage = await visitor.PageAsync("/beheer/inloggen/code");
        var codeToken = codePage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var codeForm = new FormUrlEncodedContent([new("__RequestVerificationToken", codeToken), new("Code", Support.Staff.TotpCode(key))]);
        using var withCode = await visitor.SendAsync(HttpMethod.Post, "/beheer/inloggen/code", codeForm);

        Assert.Equal(HttpStatusCode.Redirect, withCode.StatusCode);
        var (inside, _) = await visitor.GetAsync("/beheer");
        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
    }
}
