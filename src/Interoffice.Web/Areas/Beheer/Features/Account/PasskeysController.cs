using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Interoffice.Web.Features.Staff;
using Interoffice.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;

namespace Interoffice.Web.Areas.Beheer.Features.Account;

public sealed class PasskeyForm
{
    [StringLength(50)]
    public string? Name { get; set; }

    /// <summary>What <c>navigator.credentials.create()</c> or <c>.get()</c> returned, as JSON (wwwroot/js/passkey.js).</summary>
    public string? Credential { get; set; }
}

/// <summary>
/// Passkeys with ASP.NET Core Identity's own WebAuthn support: a staff member adds, names and removes them under
/// Account, and signs in with one without password or second step. The browser side is wwwroot/js/passkey.js; the
/// options endpoints are posted with the antiforgery header.
/// </summary>
[Area(StaffExtensions.Area)]
public sealed class PasskeysController(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, AuditLog audit) : Controller
{
    /// <summary>A new passkey is a new way in without password or code: it takes the current password first.</summary>
    [HttpPost("/beheer/account/passkeys/opties")]
    public async Task<IActionResult> CreationOptions([FromForm(Name = "Wachtwoord")] string? password)
    {
        var user = (await users.GetUserAsync(User))!;
        if (!(await signIn.CheckPasswordSignInAsync(user, password ?? "", lockoutOnFailure: true)).Succeeded)
        {
            return BadRequest(new { message = AccountController.WrongPassword });
        }

        var options = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
        {
            Id = await users.GetUserIdAsync(user),
            Name = user.Email!,
            DisplayName = user.Email!,
        });
        return Content(options, "application/json");
    }

    [HttpPost("/beheer/account/passkeys")]
    public async Task<IActionResult> Add(PasskeyForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var user = (await users.GetUserAsync(User))!;
        var attestation = await TryAsync(form.Credential, signIn.PerformPasskeyAttestationAsync);
        if (attestation is not { Succeeded: true })
        {
            TempData["Fout"] = "De passkey is niet toegevoegd: de browser gaf geen geldige passkey terug. Probeer het opnieuw.";
            return Redirect("/beheer/account");
        }

        var name = string.IsNullOrWhiteSpace(form.Name) ? "Passkey" : form.Name.Trim();
        attestation.Passkey.Name = name.Length > 50 ? name[..50] : name;
        await users.AddOrUpdatePasskeyAsync(user, attestation.Passkey);

        // A new way in ends the account's other sessions; this one goes on.
        await users.UpdateSecurityStampAsync(user);
        await signIn.RefreshSignInAsync(user);
        await audit.WriteAsync(AuditAction.AddPasskey, $"{user.Email}: {attestation.Passkey.Name}");
        TempData["Melding"] = $"Passkey '{attestation.Passkey.Name}' is toegevoegd. Voortaan kunt u ermee inloggen.";
        return Redirect("/beheer/account");
    }

    [HttpPost("/beheer/account/passkeys/verwijderen")]
    public async Task<IActionResult> Remove([FromForm(Name = "Id")] string? id)
    {
        var user = (await users.GetUserAsync(User))!;
        byte[] credentialId;
        try
        {
            credentialId = WebEncoders.Base64UrlDecode(id ?? "");
        }
        catch (FormatException)
        {
            return Redirect("/beheer/account");
        }

        var passkey = await users.GetPasskeyAsync(user, credentialId);
        if (passkey is not null)
        {
            await users.RemovePasskeyAsync(user, credentialId);
            await users.UpdateSecurityStampAsync(user);
            await signIn.RefreshSignInAsync(user);
            await audit.WriteAsync(AuditAction.RemovePasskey, $"{user.Email}: {passkey.Name}");
            TempData["Melding"] = $"Passkey '{passkey.Name}' is verwijderd. Verwijder hem ook uit uw apparaat of wachtwoordbeheerder.";
        }

        return Redirect("/beheer/account");
    }

    /// <summary>Options for any passkey of this site (no address asked, so nothing tells whether an account exists).</summary>
    [AllowAnonymous]
    [EnableRateLimiting(StaffExtensions.SignInRateLimit)]
    [HttpPost("/beheer/inloggen/passkey/opties")]
    public async Task<IActionResult> RequestOptions() => Content(await signIn.MakePasskeyRequestOptionsAsync(null), "application/json");

    [AllowAnonymous]
    [EnableRateLimiting(StaffExtensions.SignInRateLimit)]
    [HttpPost("/beheer/inloggen/passkey")]
    public async Task<IActionResult> SignIn(PasskeyForm form, [FromQuery(Name = "terug")] string? returnUrl)
    {
        ArgumentNullException.ThrowIfNull(form);
        var back = this.ReturnPathOr(returnUrl, "/beheer");
        var assertion = await TryAsync(form.Credential, signIn.PerformPasskeyAssertionAsync);
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
        ModelState.AddModelError("", AccountController.Refusal);
        ViewData[AccountController.ReturnQuery] = AccountController.QueryFor(back);
        return View("SignIn", new SignInForm());
    }

    // What the browser sent is checked by Identity; a missing, forged or expired answer (no ceremony under way in this
    // browser, or JSON that is not a credential) counts as no passkey, never as an error page.
    private static async Task<T?> TryAsync<T>(string? credential, Func<string, Task<T>> perform)
        where T : class
    {
        if (string.IsNullOrEmpty(credential))
        {
            return null;
        }

        try
        {
            return await perform(credential);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Text.Json.JsonException or PasskeyException or FormatException)
        {
            return null;
        }
    }
}
