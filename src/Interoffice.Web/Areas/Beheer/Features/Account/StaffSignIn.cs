using System.Security.Claims;
using Interoffice.Web.Features.Staff;
using Interoffice.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Areas.Beheer.Features.Account;

/// <summary>
/// The decisions behind the sign-in pages. Wrong passwords lock an account's password (Identity's lockout); during it
/// the password still counts together with a right second step, and gets the same refusal either way, so guessing it
/// learns nothing. Every refused password costs the same work: one lookup, one hash, one commit (docs/security.md).
/// </summary>
public sealed class StaffSignIn(
    SignInManager<StaffUser> signIn,
    UserManager<StaffUser> users,
    SecondStep secondStep,
    DecoyPassword decoy,
    UnknownAccounts unknown,
    AuditLog audit,
    SiteDbContext db)
{
    /// <summary>A password, and optionally the second step typed with it (a code from the app or a recovery code).</summary>
    public async Task<SignInOutcome> PasswordAsync(string typed, string password, string? code)
    {
        ArgumentNullException.ThrowIfNull(typed);

        // A failure's count and its audit entry are committed together, so that no way of failing costs a write more.
        // Inside the execution strategy (SQL Server retries), which runs the whole attempt again from a clean slate.
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var user = typed.Length > StaffUser.MaxEmailLength ? null : await users.FindByEmailAsync(typed);
            await using var transaction = await db.Database.BeginTransactionAsync();
            var outcome = await DecideAsync(user, typed, password, string.IsNullOrWhiteSpace(code) ? null : code);
            await transaction.CommitAsync();
            return outcome;
        });
    }

    /// <summary>The second step for a user whose password was right: signs in, or counts a wrong code.</summary>
    public async Task<SecondStepResult> SecondStepAsync(StaffUser user, string typed, string action, string wrong)
    {
        ArgumentNullException.ThrowIfNull(user);
        var result = await secondStep.CheckAsync(user, typed);
        if (result == SecondStepResult.Succeeded && !user.IsDisabled)
        {
            await users.ResetAccessFailedCountAsync(user);
            await signIn.SignOutAsync();
            await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
            await audit.WriteAsync(action, user.Email, user.Email);
            return result;
        }

        var reason = result == SecondStepResult.Succeeded ? "account uitgeschakeld" : result == SecondStepResult.LockedOut ? $"{wrong}, tweede stap geblokkeerd" : wrong;
        await audit.WriteAsync(result == SecondStepResult.LockedOut ? AuditAction.LockedOut : AuditAction.SignInFailed, $"{user.Email} ({reason})", user.Email);
        return result == SecondStepResult.Succeeded ? SecondStepResult.LockedOut : result;
    }

    private async Task<SignInOutcome> DecideAsync(StaffUser? user, string typed, string password, string? code)
    {
        if (user is null)
        {
            decoy.Verify(password);
            var name = unknown.Name(typed);
            await audit.WriteAsync(AuditAction.SignInFailed, $"{name} (geen account)", name);
            return SignInOutcome.Refused;
        }

        if (user.IsDisabled || await users.IsLockedOutAsync(user))
        {
            var right = users.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash ?? "", password) != PasswordVerificationResult.Failed;
            if (!user.IsDisabled && right && code is not null)
            {
                return await WithCodeAsync(user, code);
            }

            // Not counted: the lockout already holds, and strangers should not be able to stretch it.
            var (action, reason) = user.IsDisabled ? (AuditAction.SignInFailed, "account uitgeschakeld") : (AuditAction.LockedOut, "wachtwoord geblokkeerd");
            await audit.WriteAsync(action, $"{user.Email} ({reason})", user.Email);
            return SignInOutcome.Refused;
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.WriteAsync(AuditAction.SignIn, user.Email, user.Email);
            return SignInOutcome.SignedIn;
        }

        if (result.RequiresTwoFactor)
        {
            return code is null ? SignInOutcome.RequiresCode : await WithCodeAsync(user, code);
        }

        var failed = result.IsLockedOut ? (AuditAction.LockedOut, "wachtwoord onjuist, nu geblokkeerd") : (AuditAction.SignInFailed, "wachtwoord onjuist");
        await audit.WriteAsync(failed.Item1, $"{user.Email} ({failed.Item2})", user.Email);
        return SignInOutcome.Refused;
    }

    private async Task<SignInOutcome> WithCodeAsync(StaffUser user, string code) =>
        await SecondStepAsync(user, code, AuditAction.SignIn, "wachtwoord juist, code onjuist") == SecondStepResult.Succeeded ? SignInOutcome.SignedIn : SignInOutcome.Refused;
}
