using System.ComponentModel.DataAnnotations;
using Interoffice.Web.Features.Staff;
using Interoffice.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Interoffice.Web.Areas.Beheer.Features.Account;

public sealed class SignInForm
{
    [Display(Name = "E-mailadres")]
    [Required(ErrorMessage = "Vul uw e-mailadres in.")]
    public string? Email { get; set; }

    [Display(Name = "Wachtwoord")]
    [Required(ErrorMessage = "Vul uw wachtwoord in.")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }
}

public sealed class CodeForm
{
    [Display(Name = "Code uit uw authenticator-app")]
    [Required(ErrorMessage = "Vul de code van zes cijfers in.")]
    public string? Code { get; set; }
}

public sealed record AccountModel(string Email, bool TwoFactorEnabled, string? NewKey, string? OtpAuthUri);

[Area(StaffExtensions.Area)]
public sealed class AccountController(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, AuditLog audit) : Controller
{
    [AllowAnonymous]
    [HttpGet("/beheer/inloggen")]
    public IActionResult SignIn([FromQuery(Name = "terug")] string? returnUrl) => View(new SignInForm());

    [AllowAnonymous]
    [HttpPost("/beheer/inloggen")]
    public async Task<IActionResult> SignIn(SignInForm form, [FromQuery(Name = "terug")] string? returnUrl)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var email = form.Email!.Trim();
        var user = await users.FindByEmailAsync(email);
        if (user is { IsDisabled: true })
        {
            await audit.WriteAsync(AuditAction.SignInFailed, email, email);
            ModelState.AddModelError("", "Dit account is uitgeschakeld. Vraag de beheerder van de website om hulp.");
            return View(form);
        }

        var result = await signIn.PasswordSignInAsync(email, form.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.WriteAsync(AuditAction.SignIn, email, email);
            return LocalRedirect(Safe(returnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return Redirect($"/beheer/inloggen/code?terug={Uri.EscapeDataString(Safe(returnUrl))}");
        }

        await audit.WriteAsync(result.IsLockedOut ? AuditAction.LockedOut : AuditAction.SignInFailed, email, email);
        ModelState.AddModelError("", result.IsLockedOut
            ? "Na vijf mislukte pogingen is dit account 15 minuten geblokkeerd. Probeer het daarna opnieuw."
            : "Het e-mailadres of wachtwoord klopt niet.");
        return View(form);
    }

    [AllowAnonymous]
    [HttpGet("/beheer/inloggen/code")]
    public IActionResult Code() => View(new CodeForm());

    [AllowAnonymous]
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

        await audit.WriteAsync(result.IsLockedOut ? AuditAction.LockedOut : AuditAction.SignInFailed, user.Email, user.Email);
        ModelState.AddModelError("", result.IsLockedOut ? "Dit account is 15 minuten geblokkeerd." : "Deze code klopt niet. Gebruik de code die nu in uw app staat.");
        return View(form);
    }

    [HttpPost("/beheer/uitloggen")]
    public async Task<IActionResult> SignOutStaff()
    {
        await audit.WriteAsync(AuditAction.SignOut, User.Identity?.Name);
        await signIn.SignOutAsync();
        return Redirect("/beheer/inloggen");
    }

    [HttpGet("/beheer/account")]
    public async Task<IActionResult> Settings()
    {
        var user = (await users.GetUserAsync(User))!;
        return View(new AccountModel(user.Email!, user.TwoFactorEnabled, null, null));
    }

    /// <summary>Step 1 of switching on two-step sign-in: a new key to put in the authenticator app.</summary>
    [HttpPost("/beheer/account/tweestaps/sleutel")]
    public async Task<IActionResult> NewKey()
    {
        var user = (await users.GetUserAsync(User))!;
        await users.ResetAuthenticatorKeyAsync(user);
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        var uri = $"otpauth://totp/Interoffice:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer=Interoffice&digits=6";
        return View("Settings", new AccountModel(user.Email!, user.TwoFactorEnabled, key, uri));
    }

    /// <summary>Step 2: a code from the app proves it holds the key; then two-step sign-in is on.</summary>
    [HttpPost("/beheer/account/tweestaps/aan")]
    public async Task<IActionResult> EnableTwoFactor(CodeForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var user = (await users.GetUserAsync(User))!;
        var code = new string((form.Code ?? "").Where(char.IsDigit).ToArray());
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            var key = await users.GetAuthenticatorKeyAsync(user);
            ModelState.AddModelError("Code", "Deze code klopt niet. Controleer of de tijd op uw telefoon juist staat en probeer de volgende code.");
            return View("Settings", new AccountModel(user.Email!, false, key, null));
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        await audit.WriteAsync(AuditAction.EnableTwoFactor, user.Email);
        TempData["Melding"] = "Tweestapsverificatie staat aan. Voortaan vragen wij bij het inloggen om een code.";
        return Redirect("/beheer/account");
    }

    [HttpPost("/beheer/account/tweestaps/uit")]
    public async Task<IActionResult> DisableTwoFactor()
    {
        var user = (await users.GetUserAsync(User))!;
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await audit.WriteAsync(AuditAction.DisableTwoFactor, user.Email);
        return Redirect("/beheer/account");
    }

    private string Safe(string? returnUrl) => this.LocalOr(returnUrl, "/beheer");
}
