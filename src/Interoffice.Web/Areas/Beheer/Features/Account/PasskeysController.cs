using Interoffice.Web.Features.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Interoffice.Web.Areas.Beheer.Features.Account;

/// <summary>
/// Passkeys with ASP.NET Core Identity's own WebAuthn support: a staff member adds, names and removes them under
/// Account (signing in with one is <see cref="SignInController"/>'s). The browser side is wwwroot/js/passkey.js; the
/// options endpoint is posted with the antiforgery header.
/// </summary>
[Area(StaffExtensions.Area)]
public sealed class PasskeysController(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, AuditLog audit) : Controller
{
    /// <summary>A new passkey is a new way in without password or code: it takes the current password first.</summary>
    [HttpPost("/beheer/account/passkeys/opties")]
    public async Task<IActionResult> CreationOptions([FromForm] string? password)
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
        var attestation = await PasskeyCredential.TryAsync(form.Credential, signIn.PerformPasskeyAttestationAsync);
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
}
