using System.Security.Claims;
using Interoffice.Web.Features.Staff;
using Interoffice.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Interoffice.Web.Areas.Beheer.Features.Account;

/// <summary>
/// Signing in to the staff area, every way (password, then a code or a recovery code; or a passkey), and signing out.
/// A failed sign-in looks the same whatever the reason, so the page never tells who has an account.
/// </summary>
[Area(StaffExtensions.Area)]
public sealed class SignInController(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, StaffSignIn staffSignIn, AuditLog audit) : Controller
{
    /// <summary>The one answer to every failed sign-in: unknown address, wrong password, disabled or locked account.</summary>
    public const string Refusal = "Inloggen is niet gelukt. Controleer uw e-mailadres en wachtwoord. Na vijf mislukte pogingen kunt u een kwartier alleen inloggen met een passkey, of met uw wachtwoord samen met de code uit uw app.";

    /// <summary>Longer than any e-mail address may be; a longer typed address is not looked up.</summary>
    public const int MaxEmailLength = StaffUser.MaxEmailLength;

    /// <summary>What the sign-in forms (password and passkey) add to their address: the path to return to, never more.</summary>
    public const string ReturnQuery = "Terug";

    [AllowAnonymous]
    [HttpGet("/beheer/inloggen")]
    public IActionResult SignIn([FromQuery(Name = "terug")] string? returnUrl)
    {
        ViewData[ReturnQuery] = QueryFor(Safe(returnUrl));
        return View(new SignInForm());
    }

    /// <summary>
    /// The password, and after a refusal optionally the second step in the same post. Every failure costs the same
    /// work (one lookup, one hash, one commit) and gets the same answer; see docs/security.md for the lockouts.
    /// </summary>
    [AllowAnonymous]
    [EnableRateLimiting(StaffExtensions.SignInRateLimit)]
    [HttpPost("/beheer/inloggen")]
    public async Task<IActionResult> SignIn(SignInForm form, [FromQuery(Name = "terug")] string? returnUrl)
    {
        ArgumentNullException.ThrowIfNull(form);
        ViewData[ReturnQuery] = QueryFor(Safe(returnUrl));
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        return await staffSignIn.PasswordAsync(form.Email!.Trim(), form.Password!, form.Code) switch
        {
            SignInOutcome.SignedIn => LocalRedirect(Safe(returnUrl)),
            SignInOutcome.RequiresCode => Redirect("/beheer/inloggen/code" + QueryFor(Safe(returnUrl))),
            _ => Refuse(form),
        };
    }

    [AllowAnonymous]
    [HttpGet("/beheer/inloggen/code")]
    public IActionResult Code() => View(new CodeForm());

    [AllowAnonymous]
    [EnableRateLimiting(StaffExtensions.SignInRateLimit)]
    [HttpPost("/beheer/inloggen/code")]
    public async Task<IActionResult> Code(CodeForm form, [FromQuery(Name = "terug")] string? returnUrl)
    {
        ArgumentNullException.ThrowIfNull(form);
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return Redirect("/beheer/inloggen");
        }

        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var result = await staffSignIn.SecondStepAsync(user, form.Code!, AuditAction.SignIn, "code onjuist");
        if (result != SecondStepResult.Succeeded)
        {
            ModelState.AddModelError(nameof(CodeForm.Code), "Deze code klopt niet. Gebruik de code die nu in uw app staat.");
            return result == SecondStepResult.LockedOut ? await RestartAsync() : View(form);
        }

        return LocalRedirect(Safe(returnUrl));
    }

    [AllowAnonymous]
    [HttpGet("/beheer/inloggen/herstelcode")]
    public IActionResult Recovery() => View(new RecoveryForm());

    /// <summary>For a lost phone: one of the recovery codes shown when two-step sign-in was switched on; each works once.</summary>
    [AllowAnonymous]
    [EnableRateLimiting(StaffExtensions.SignInRateLimit)]
    [HttpPost("/beheer/inloggen/herstelcode")]
    public async Task<IActionResult> Recovery(RecoveryForm form, [FromQuery(Name = "terug")] string? returnUrl)
    {
        ArgumentNullException.ThrowIfNull(form);
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return Redirect("/beheer/inloggen");
        }

        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var result = await staffSignIn.SecondStepAsync(user, form.Code!, AuditAction.SignInRecoveryCode, "herstelcode onjuist");
        if (result != SecondStepResult.Succeeded)
        {
            ModelState.AddModelError(nameof(RecoveryForm.Code), "Deze herstelcode klopt niet of is al gebruikt.");
            return result == SecondStepResult.LockedOut ? await RestartAsync() : View(form);
        }

        TempData["Melding"] = $"U bent ingelogd met een herstelcode; er {(await users.CountRecoveryCodesAsync(user) is var left && left == 1 ? "is nog 1 code" : $"zijn nog {left} codes")} over. Maak nieuwe codes onder Account als u er weinig over hebt.";
        return LocalRedirect(Safe(returnUrl));
    }

    [HttpPost("/beheer/uitloggen")]
    public async Task<IActionResult> SignOutStaff()
    {
        await audit.WriteAsync(AuditAction.SignOut, User.Identity?.Name);
        await signIn.SignOutAsync();
        return Redirect("/beheer/inloggen");
    }

    /// <summary>Options for any passkey of this site (no address asked, so nothing tells whether an account exists).</summary>
    [AllowAnonymous]
    [EnableRateLimiting(StaffExtensions.SignInRateLimit)]
    [HttpPost("/beheer/inloggen/passkey/opties")]
    public async Task<IActionResult> PasskeyOptions() => Content(await signIn.MakePasskeyRequestOptionsAsync(null), "application/json");

    [AllowAnonymous]
    [EnableRateLimiting(StaffExtensions.SignInRateLimit)]
    [HttpPost("/beheer/inloggen/passkey")]
    public async Task<IActionResult> PasskeySignIn(PasskeyForm form, [FromQuery(Name = "terug")] string? returnUrl)
    {
        ArgumentNullException.ThrowIfNull(form);
        var back = Safe(returnUrl);
        var assertion = await PasskeyCredential.TryAsync(form.Credential, signIn.PerformPasskeyAssertionAsync);
        var user = assertion is { Succeeded: true } ? assertion.User : null;

        // A passkey cannot be guessed, so the password lockout does not hold it back. As Identity's PasskeySignInAsync
        // does: the new signature count must be kept (a refused update may be a cloned authenticator), then no second step.
        var kept = user is { IsDisabled: false } && (await users.AddOrUpdatePasskeyAsync(user, assertion!.Passkey!)).Succeeded;
        if (kept)
        {
            await signIn.SignInWithClaimsAsync(user!, isPersistent: false, [new Claim("amr", "pop")]);
            await audit.WriteAsync(AuditAction.SignInPasskey, user!.Email, user.Email);
            return LocalRedirect(back);
        }

        var reason = user is null ? "passkey niet herkend" : user.IsDisabled ? "account uitgeschakeld" : "passkey niet bijgewerkt";
        await audit.WriteAsync(AuditAction.SignInFailed, $"{user?.Email ?? "passkey"} ({reason})", user?.Email ?? UnknownAccounts.Label);
        ModelState.AddModelError("", Refusal);
        ViewData[ReturnQuery] = QueryFor(back);
        return View("SignIn", new SignInForm { AskCode = true });
    }

    // The second step is locked (or refused for good): no further tries on this page, back to the start.
    private async Task<ViewResult> RestartAsync()
    {
        await signIn.SignOutAsync();
        ModelState.Clear();
        return Refuse(new SignInForm());
    }

    // After a refusal the form also asks for the code, for everyone alike: it is how a locked-out staff member gets in.
    private ViewResult Refuse(SignInForm form)
    {
        ModelState.AddModelError("", Refusal);
        form.Password = null;
        form.Code = null;
        form.AskCode = true;
        ModelState.Remove(nameof(SignInForm.Code));
        return View("SignIn", form);
    }

    private static string QueryFor(string back) => ReturnPath.Query(back, "/beheer");

    // A path on this site and nothing personal in it (see ReturnPath).
    private string Safe(string? returnUrl) => this.ReturnPathOr(returnUrl, "/beheer");
}
