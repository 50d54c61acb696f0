using System.Net;
using System.Text.RegularExpressions;
using Interoffice.Web.Areas.Beheer.Features.Account;
using Interoffice.Web.Features.Staff;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Interoffice.Web.Tests.Staff;

/// <summary>
/// A stranger who types five wrong passwords for a known staff address locks its password, not its owner: the password
/// with a right code still gets in, and the lockout still stops anyone from learning whether a guessed password is right.
/// </summary>
public sealed partial class LockoutTests : IAsyncLifetime
{
    private const string Email = "karin@interoffice.nl";

    private readonly SiteFactory site = new();
    private string key = "";
    private IReadOnlyList<string> recoveryCodes = [];

    public async Task InitializeAsync()
    {
        await Support.Staff.CreateAsync(site, Email);
        using var owner = Visitor.Of(site);
        using (var signedIn = await Support.Staff.SignInAsync(owner, Email))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        (key, recoveryCodes) = await Support.Staff.EnableTwoFactorWithCodesAsync(owner);
        using var stranger = Visitor.Of(site);
        for (var i = 0; i < 5; i++)
        {
            using var _ = await Support.Staff.SignInAsync(stranger, Email, "geraden wachtwoord " + i);
        }
    }

    public async Task DisposeAsync() => await site.DisposeAsync();

    [Fact]
    public async Task During_the_lockout_the_owner_gets_in_with_password_and_code_in_one_go()
    {
        using var owner = Visitor.Of(site);

        using var passwordAlone = await Support.Staff.SignInAsync(owner, Email);
        Assert.Equal(SignInController.Refusal, (await Html.ParseAsync(await passwordAlone.Content.ReadAsStringAsync())).QuerySelector("#fouten li")?.TextContent.Trim());
        using var withCode = await SignInAsync(owner, Support.Staff.Password, Support.Staff.TotpCode(key));

        Assert.Equal(HttpStatusCode.Redirect, withCode.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/beheer")).Response.StatusCode);
        Assert.Contains(AuditAction.SignIn, await AuditActionsOfAsync(Email));
    }

    [Fact]
    public async Task During_the_lockout_a_recovery_code_with_the_password_also_gets_in_once()
    {
        using var owner = Visitor.Of(site);

        // Typed as people type what they read off paper: small letters, no dash.
        using var first = await SignInAsync(owner, Support.Staff.Password, recoveryCodes[0].ToLowerInvariant().Replace("-", "", StringComparison.Ordinal));
        using var elsewhere = Visitor.Of(site);
        using var again = await SignInAsync(elsewhere, Support.Staff.Password, recoveryCodes[0]);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task During_the_lockout_a_guessed_password_gets_the_same_page_right_or_wrong_with_or_without_a_code()
    {
        var pages = new List<string>();
        foreach (var (password, code) in new[] { ("fout wachtwoord 1", null), (Support.Staff.Password, null), ("fout wachtwoord 2", "123456"), (Support.Staff.Password, "000000") })
        {
            using var stranger = Visitor.Of(site);
            using var response = await SignInAsync(stranger, password, code);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("io.staff", StringComparison.Ordinal)));
            pages.Add(Variable().Replace(await response.Content.ReadAsStringAsync(), "\"…\""));
        }

        Assert.Single(pages.Distinct());
    }

    [Fact]
    public async Task Five_wrong_codes_lock_the_second_step_too_and_a_right_code_then_gets_nobody_in()
    {
        using var stranger = Visitor.Of(site);
        for (var i = 0; i < SecondStep.MaxFailures; i++)
        {
            using var _ = await SignInAsync(stranger, Support.Staff.Password, WrongCode());
        }

        using var right = await SignInAsync(stranger, Support.Staff.Password, Support.Staff.TotpCode(key));

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains($"{Email} (wachtwoord juist, code onjuist, tweede stap geblokkeerd)", await AuditTargetsAsync());
        Assert.Contains($"{Email} (wachtwoord juist, code onjuist)", await AuditTargetsAsync());
    }

    [Fact]
    public async Task Once_the_lockout_is_over_five_wrong_codes_on_the_code_page_send_the_visitor_back_to_the_start()
    {
        await using (var scope = site.Services.CreateAsyncScope())
        {
            // A quarter of an hour later.
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<StaffUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(Email))!, null);
        }

        using var owner = Visitor.Of(site);
        using (var password = await Support.Staff.SignInAsync(owner, Email))
        {
            Assert.EndsWith("/beheer/inloggen/code", password.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }

        for (var i = 1; i < SecondStep.MaxFailures; i++)
        {
            using var wrong = await Support.Staff.PostStepAsync(owner, "/beheer/inloggen/code", "Code", WrongCode());
            Assert.Contains("Deze code klopt niet", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var last = await Support.Staff.PostStepAsync(owner, "/beheer/inloggen/code", "Code", WrongCode());
        var page = await Html.ParseAsync(await last.Content.ReadAsStringAsync());
        Assert.Equal(SignInController.Refusal, page.QuerySelector("#fouten li")?.TextContent.Trim());
        using var right = await Support.Staff.SignInAsync(owner, Email, Support.Staff.Password, Support.Staff.TotpCode(key));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public async Task Wrong_passwords_during_the_lockout_do_not_stretch_it()
    {
        var lockedUntil = await LockoutEndAsync();
        using var stranger = Visitor.Of(site);
        for (var i = 0; i < 6; i++)
        {
            using var _ = await Support.Staff.SignInAsync(stranger, Email, "nog een gok " + i);
        }

        Assert.Equal(lockedUntil, await LockoutEndAsync());
    }

    private string WrongCode() => Support.Staff.TotpCode(key) == "000000" ? "111111" : "000000";

    private static Task<HttpResponseMessage> SignInAsync(Visitor visitor, string password, string? code) =>
        Support.Staff.SignInAsync(visitor, Email, password, code ?? "");

    private async Task<DateTimeOffset?> LockoutEndAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Set<StaffUser>().AsNoTracking().SingleAsync(u => u.Email == Email)).LockoutEnd;
    }

    private async Task<List<string?>> AuditTargetsAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Set<AuditEntry>().Select(a => a.Target).ToListAsync();
    }

    private async Task<List<string>> AuditActionsOfAsync(string actor)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Set<AuditEntry>().Where(a => a.Actor == actor).Select(a => a.Action).ToListAsync();
    }

    [GeneratedRegex("\"CfDJ8[^\"]*\"|nonce=\"[^\"]*\"")]
    private static partial Regex Variable();
}
