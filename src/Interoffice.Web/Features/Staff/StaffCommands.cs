using Interoffice.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Features.Staff;

/// <summary>
/// <c>staff create|list|disable|reset-password|reset-2fa --email …</c>: staff accounts are managed by the operator on the
/// command line (the password is read from standard input, or asked for at a terminal), never by registration.
/// </summary>
public static class StaffCommands
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var verb = args.Length > 1 ? args[1] : null;
        var email = ValueOf(args, "--email");
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();

        switch (verb)
        {
            case "list":
                var all = await users.Users.OrderBy(u => u.Email).ToListAsync();
                foreach (var user in all)
                {
                    var state = user.IsDisabled ? "uitgeschakeld" : await users.IsLockedOutAsync(user) ? "tijdelijk geblokkeerd" : "actief";
                    await output.WriteLineAsync($"{user.Email}\t{state}\ttweestaps: {(user.TwoFactorEnabled ? "aan" : "uit")}\tpasskeys: {(await users.GetPasskeysAsync(user)).Count}\taangemaakt {user.CreatedAt:yyyy-MM-dd}");
                }

                if (all.Count == 0)
                {
                    await output.WriteLineAsync("Er zijn nog geen accounts. Maak er een met: staff create --email naam@interoffice.nl");
                }

                return 0;

            case "create" when email is { Length: > StaffUser.MaxEmailLength }:
                await error.WriteLineAsync($"Dit e-mailadres is te lang: een account heeft hoogstens {StaffUser.MaxEmailLength} tekens.");
                return 1;

            case "create" when email is not null:
                var password = await ReadPasswordAsync(input, output);
                var created = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = time.GetUtcNow().UtcDateTime };
                var result = await users.CreateAsync(created, password);
                if (!result.Succeeded)
                {
                    return await FailAsync(error, result);
                }

                await audit.WriteAsync(AuditAction.CreateAccount, email, AuditLog.CommandLine);
                await output.WriteLineAsync($"Account {email} aangemaakt.");
                return 0;

            case "disable" when email is not null:
                var disabling = await users.FindByEmailAsync(email);
                if (disabling is null)
                {
                    return await NotFoundAsync(error, email);
                }

                disabling.IsDisabled = true;
                await users.UpdateAsync(disabling);
                await users.UpdateSecurityStampAsync(disabling);
                await audit.WriteAsync(AuditAction.DisableAccount, email, AuditLog.CommandLine);
                await output.WriteLineAsync($"Account {email} uitgeschakeld; een open sessie wordt bij het volgende verzoek geweigerd.");
                return 0;

            case "reset-password" when email is not null:
                var resetting = await users.FindByEmailAsync(email);
                if (resetting is null)
                {
                    return await NotFoundAsync(error, email);
                }

                var newPassword = await ReadPasswordAsync(input, output);
                var token = await users.GeneratePasswordResetTokenAsync(resetting);
                var reset = await users.ResetPasswordAsync(resetting, token, newPassword);
                if (!reset.Succeeded)
                {
                    return await FailAsync(error, reset);
                }

                await users.SetLockoutEndDateAsync(resetting, null);
                await users.ResetAccessFailedCountAsync(resetting);
                await audit.WriteAsync(AuditAction.ResetPassword, email, AuditLog.CommandLine);
                await output.WriteLineAsync($"Nieuw wachtwoord voor {email} ingesteld; de blokkade is opgeheven.");
                return 0;

            case "reset-2fa" when email is not null:
                var phoneLost = await users.FindByEmailAsync(email);
                if (phoneLost is null)
                {
                    return await NotFoundAsync(error, email);
                }

                // A lost phone may hold the authenticator app and a passkey: both stop working, and open sessions end.
                await users.SetTwoFactorEnabledAsync(phoneLost, false);
                await users.ResetAuthenticatorKeyAsync(phoneLost);
                var passkeys = await users.GetPasskeysAsync(phoneLost);
                foreach (var passkey in passkeys)
                {
                    await users.RemovePasskeyAsync(phoneLost, passkey.CredentialId);
                }

                await users.UpdateSecurityStampAsync(phoneLost);
                await audit.WriteAsync(AuditAction.ResetTwoFactor, email, AuditLog.CommandLine);
                await output.WriteLineAsync($"Tweestapsverificatie van {email} staat uit en {passkeys.Count} {(passkeys.Count == 1 ? "passkey is" : "passkeys zijn")} verwijderd; open sessies zijn beëindigd. "
                    + "Inloggen kan nu met het wachtwoord alleen; zet tweestapsverificatie daarna weer aan onder Account.");
                return 0;

            default:
                await error.WriteLineAsync("Gebruik: staff create|disable|reset-password|reset-2fa --email naam@interoffice.nl, of: staff list");
                return 2;
        }
    }

    private static string? ValueOf(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1].Trim() : null;
    }

    /// <summary>From a pipe the first line; at a terminal typed without echo.</summary>
    private static async Task<string> ReadPasswordAsync(TextReader input, TextWriter output)
    {
        if (!Console.IsInputRedirected && ReferenceEquals(input, Console.In))
        {
            await output.WriteAsync("Wachtwoord (minstens 12 tekens): ");
            var typed = new System.Text.StringBuilder();
            for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
            {
                if (key.Key == ConsoleKey.Backspace && typed.Length > 0)
                {
                    typed.Length--;
                }
                else if (!char.IsControl(key.KeyChar))
                {
                    typed.Append(key.KeyChar);
                }
            }

            await output.WriteLineAsync();
            return typed.ToString();
        }

        return (await input.ReadLineAsync())?.TrimEnd('\r', '\n') ?? "";
    }

    private static async Task<int> FailAsync(TextWriter error, IdentityResult result)
    {
        foreach (var failure in result.Errors)
        {
            await error.WriteLineAsync(failure.Description);
        }

        return 1;
    }

    private static async Task<int> NotFoundAsync(TextWriter error, string email)
    {
        await error.WriteLineAsync($"Er is geen account met {email}.");
        return 1;
    }
}
