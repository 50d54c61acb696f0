using System.Security.Claims;
using System.Security.Cryptography;
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
public sealed class SignInController(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, AuditLog audit) : Controller
{
    /// <summary>The one answer to every failed sign-in: unknown address, wrong password, disabled or locked account.</summary>
    public const string Refusal = "Inloggen is niet gelukt. Controleer uw e-mailadres en wachtwoord. Na vijf mislukte pogingen kunt u een kwartier niet inloggen.";

    /// <summary>Longer than any e-mail address may be; a longer typed address is not looked up.</summary>
    public const int MaxEmailLength = StaffUser.MaxEmailLength;

    /// <summary>What the sign-in forms (password and passkey) add to their address: the path to return to, never more.</summary>
    public const string ReturnQuery = "Terug";

    // Verified against for an address without an account, so that it costs the same time as a real one.
    private static string? decoyHash;

    [AllowAnonymous]
    [HttpGet("/beheer/inloggen")]
    public IActionResult SignIn([FromQuery(Name = "terug")] string? returnUrl)
    {
        ViewData[ReturnQuery] = QueryFor(Safe(returnUrl));
        return View(new SignInForm());
    }

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

        var typed = form.Email!.Trim();
        var email = typed.Length > MaxEmailLength ? typed[..MaxEmailLength] : typed;
        var password = form.Password!;
        var user = typed.Length > MaxEmailLength ? null : await users.FindByEmailAsync(typed);
        var action = AuditAction.SignInFailed;
        string reason;
        if (user is null)
        {
            decoyHash ??= users.PasswordHasher.HashPassword(new StaffUser(), RandomNumberGenerator.GetHexString(32));
            users.PasswordHasher.VerifyHashedPassword(new StaffUser(), decoyHash, password);
            reason = "onbekend adres";
        }
        else if (user.IsDisabled || await users.IsLockedOutAsync(user))
        {
            // Checked only after the same hashing work as a real attempt; neither state is told to the visitor.
            users.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash ?? "", password);
            (action, reason) = user.IsDisabled ? (AuditAction.SignInFailed, "account uitgeschakeld") : (AuditAction.LockedOut, "account geblokkeerd");
        }
        else
        {
            var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                await audit.WriteAsync(AuditAction.SignIn, email, email);
                return LocalRedirect(Safe(returnUrl));
            }

            if (result.RequiresTwoFactor)
            {
                return Redirect("/beheer/inloggen/code" + QueryFor(Safe(returnUrl)));
            }

            (action, reason) = result.IsLockedOut ? (AuditAction.LockedOut, "wachtwoord onjuist, nu geblokkeerd") : (AuditAction.SignInFailed, "wachtwoord onjuist");
        }

        await audit.WriteAsync(action, $"{email} ({reason})", email);
        return Refuse(form);
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

        var code = new string(form.Code!.Where(char.IsDigit).ToArray());
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded && !user.IsDisabled)
        {
            await audit.WriteAsync(AuditAction.SignIn, user.Email, user.Email);
            return LocalRedirect(Safe(returnUrl));
        }

        if (result.Succeeded || result.IsLockedOut)
        {
            // A right code for a disabled account, or a locked account: no session and no further tries here.
            // A mistyped code keeps the second step open for the next one.
            await signIn.SignOutAsync();
        }

        await audit.WriteAsync(result.IsLockedOut ? AuditAction.LockedOut : AuditAction.SignInFailed, $"{user.Email} ({(result.Succeeded ? "account uitgeschakeld" : "code onjuist")})", user.Email);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", Refusal);
            return View("SignIn", new SignInForm());
        }

        ModelState.AddModelError(nameof(CodeForm.Code), "Deze code klopt niet. Gebruik de code die nu in uw app staat.");
        return View(form);
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

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(form.Code!.Replace(" ", "", StringComparison.Ordinal).Trim());
        if (result.Succeeded && !user.IsDisabled)
        {
            await audit.WriteAsync(AuditAction.SignInRecoveryCode, user.Email, user.Email);
            TempData["Melding"] = $"U bent ingelogd met een herstelcode; er {(await users.CountRecoveryCodesAsync(user) is var left && left == 1 ? "is nog 1 code" : $"zijn nog {left} codes")} over. Maak nieuwe codes onder Account als u er weinig over hebt.";
            return LocalRedirect(Safe(returnUrl));
        }

        if (result.Succeeded)
        {
            // A right code for a disabled account: no session.
            await signIn.SignOutAsync();
        }

        await audit.WriteAsync(AuditAction.SignInFailed, $"{user.Email} ({(result.Succeeded ? "account uitgeschakeld" : "herstelcode onjuist")})", user.Email);
        ModelState.AddModelError(nameof(RecoveryForm.Code), "Deze herstelcode klopt niet of is al gebruikt.");
        return View(form);
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
        if (user is { IsDisabled: false } && !await users.IsLockedOutAsync(user))
        {
            // As Identity's PasskeySignInAsync does: keep the new signature count, sign in without a second step.
            await users.AddOrUpdatePasskeyAsync(user, assertion!.Passkey!);
            await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "pop")]);
            await audit.WriteAsync(AuditAction.SignInPasskey, user.Email, user.Email);
            return LocalRedirect(back);
        }

        var reason = user is null ? "passkey niet herkend" : user.IsDisabled ? "account uitgeschakeld" : "account geblokkeerd";
        await audit.WriteAsync(AuditAction.SignInFailed, $"{user?.Email ?? "passkey"} ({reason})", user?.Email ?? "onbekend");
        ModelState.AddModelError("", Refusal);
        ViewData[ReturnQuery] = QueryFor(back);
        return View("SignIn", new SignInForm());
    }

    private ViewResult Refuse(SignInForm form)
    {
        ModelState.AddModelError("", Refusal);
        form.Password = null;
        return View("SignIn", form);
    }

    private static string QueryFor(string back) => ReturnPath.Query(back, "/beheer");

    // A path on this site and nothing personal in it (see ReturnPath).
    private string Safe(string? returnUrl) => this.ReturnPathOr(returnUrl, "/beheer");
}
