using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Interoffice.Web.Features.Staff;
using Interoffice.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using QRCoder;

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

public sealed class RecoveryForm
{
    [Display(Name = "Herstelcode")]
    [Required(ErrorMessage = "Vul een van uw herstelcodes in.")]
    public string? Code { get; set; }
}

public sealed record PasskeyRow(string Id, string Name, DateTimeOffset CreatedAt);

public sealed record AccountModel(string Email, bool TwoFactorEnabled, int RecoveryCodesLeft, IReadOnlyList<PasskeyRow> Passkeys);

public sealed record TwoFactorSetupModel(string Key, string QrCodeSvg);

/// <summary>
/// Sign-in and the staff member's own account: password, two-step sign-in with an authenticator app and recovery
/// codes. A failed sign-in looks the same whatever the reason, so the page never tells who has an account.
/// </summary>
[Area(StaffExtensions.Area)]
public sealed class AccountController(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, AuditLog audit) : Controller
{
    /// <summary>The one answer to every failed sign-in: unknown address, wrong password, disabled or locked account.</summary>
    public const string Refusal = "Inloggen is niet gelukt. Controleer uw e-mailadres en wachtwoord. Na vijf mislukte pogingen kunt u een kwartier niet inloggen.";

    /// <summary>When the current password is asked for again (passkeys, recovery codes, switching two-step off).</summary>
    public const string WrongPassword = "Dit wachtwoord klopt niet. Vul uw huidige wachtwoord in.";

    /// <summary>Longer than any e-mail address may be; a longer typed address is not looked up.</summary>
    public const int MaxEmailLength = StaffUser.MaxEmailLength;

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

    [HttpGet("/beheer/account")]
    public async Task<IActionResult> Settings() => View(await AccountAsync(await CurrentAsync()));

    /// <summary>
    /// Setting up two-step sign-in: a QR code and the key as text. Opening it again shows the same key, so an app that
    /// already holds it keeps working; once two-step sign-in is on, the key is never replaced here.
    /// </summary>
    [HttpGet("/beheer/account/tweestaps")]
    public async Task<IActionResult> TwoFactorSetup()
    {
        var user = await CurrentAsync();
        if (user.TwoFactorEnabled)
        {
            return Redirect("/beheer/account");
        }

        if (await users.GetAuthenticatorKeyAsync(user) is null)
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
        }

        return View(await SetupAsync(user));
    }

    /// <summary>A code from the app proves it holds the key; then two-step sign-in is on and ten recovery codes are shown, once.</summary>
    [HttpPost("/beheer/account/tweestaps/aan")]
    public async Task<IActionResult> EnableTwoFactor(CodeForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var user = await CurrentAsync();
        if (user.TwoFactorEnabled)
        {
            return Redirect("/beheer/account");
        }

        var code = new string((form.Code ?? "").Where(char.IsDigit).ToArray());
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError("Code", "Deze code klopt niet. Controleer of de tijd op uw telefoon juist staat en probeer de volgende code.");
            return View("TwoFactorSetup", await SetupAsync(user));
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        await signIn.RefreshSignInAsync(user);
        await audit.WriteAsync(AuditAction.EnableTwoFactor, user.Email);
        return View("RecoveryCodes", codes!.ToList());
    }

    [HttpPost("/beheer/account/herstelcodes")]
    public async Task<IActionResult> NewRecoveryCodes([FromForm(Name = "Wachtwoord")] string? password)
    {
        var user = await CurrentAsync();
        if (!user.TwoFactorEnabled)
        {
            return Redirect("/beheer/account");
        }

        if (!await IsCurrentPasswordAsync(user, password))
        {
            return await WrongPasswordAsync(user, "herstelcodes");
        }

        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        await users.UpdateSecurityStampAsync(user);
        await signIn.RefreshSignInAsync(user);
        await audit.WriteAsync(AuditAction.NewRecoveryCodes, user.Email);
        return View("RecoveryCodes", codes!.ToList());
    }

    [HttpPost("/beheer/account/tweestaps/uit")]
    public async Task<IActionResult> DisableTwoFactor([FromForm(Name = "Wachtwoord")] string? password)
    {
        var user = await CurrentAsync();
        if (!await IsCurrentPasswordAsync(user, password))
        {
            return await WrongPasswordAsync(user, "uit");
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        await audit.WriteAsync(AuditAction.DisableTwoFactor, user.Email);
        TempData["Melding"] = "Tweestapsverificatie staat uit. De sleutel in uw app werkt niet meer; verwijder hem daar.";
        return Redirect("/beheer/account");
    }

    // Counted like a wrong password at sign-in, so a taken-over session cannot guess it without end.
    private async Task<bool> IsCurrentPasswordAsync(StaffUser user, string? password) =>
        (await signIn.CheckPasswordSignInAsync(user, password ?? "", lockoutOnFailure: true)).Succeeded;

    private async Task<IActionResult> WrongPasswordAsync(StaffUser user, string form)
    {
        ModelState.AddModelError($"Wachtwoord-{form}", WrongPassword);
        return View("Settings", await AccountAsync(user));
    }

    private async Task<StaffUser> CurrentAsync() => (await users.GetUserAsync(User))!;

    private async Task<AccountModel> AccountAsync(StaffUser user)
    {
        var passkeys = await users.GetPasskeysAsync(user);
        return new AccountModel(
            user.Email!,
            user.TwoFactorEnabled,
            user.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0,
            [.. passkeys.OrderBy(p => p.CreatedAt).Select(p => new PasskeyRow(WebEncoders.Base64UrlEncode(p.CredentialId), p.Name ?? "Passkey", p.CreatedAt))]);
    }

    private async Task<TwoFactorSetupModel> SetupAsync(StaffUser user)
    {
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        var uri = $"otpauth://totp/Interoffice:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer=Interoffice&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);

        // Drawn on the server as plain SVG: no script, no third party, nothing the CSP has to allow.
        svg = svg.Replace("<svg ", "<svg class=\"qr-code\" width=\"220\" height=\"220\" role=\"img\" aria-label=\"QR-code met de sleutel voor uw authenticator-app\" ", StringComparison.Ordinal);
        return new TwoFactorSetupModel(FormatKey(key), svg);
    }

    // In groups of four, as authenticator apps show and accept it.
    private static string FormatKey(string key) => string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));

    private ViewResult Refuse(SignInForm form)
    {
        ModelState.AddModelError("", Refusal);
        form.Password = null;
        return View("SignIn", form);
    }

    /// <summary>What the sign-in forms (password and passkey) add to their address: the path to return to, never more.</summary>
    public const string ReturnQuery = "Terug";

    internal static string QueryFor(string back) => ReturnPath.Query(back, "/beheer");

    // A path on this site and nothing personal in it (see ReturnPath).
    private string Safe(string? returnUrl) => this.ReturnPathOr(returnUrl, "/beheer");
}
