using Interoffice.Web.Features.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using QRCoder;

namespace Interoffice.Web.Areas.Beheer.Features.Account;

/// <summary>
/// The staff member's own account settings: two-step sign-in with an authenticator app, its recovery codes, and the
/// page that lists the passkeys (<see cref="PasskeysController"/>). Signing in is <see cref="SignInController"/>'s.
/// </summary>
[Area(StaffExtensions.Area)]
public sealed class AccountController(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, AuditLog audit) : Controller
{
    /// <summary>When the current password is asked for again (passkeys, recovery codes, switching two-step off).</summary>
    public const string WrongPassword = "Dit wachtwoord klopt niet. Vul uw huidige wachtwoord in.";

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

        var code = SecondStep.Digits(form.Code ?? "");
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
    public async Task<IActionResult> NewRecoveryCodes([FromForm] string? password)
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
    public async Task<IActionResult> DisableTwoFactor([FromForm] string? password)
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
        ModelState.AddModelError($"Password-{form}", WrongPassword);
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
}
