using System.Security.Claims;
using Interoffice.Web.Features.Staff;
using Interoffice.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Areas.Beheer.Features.Account;

/// <summary>
/// The decisions behind the sign-in pages. Wrong passwords lock an account's password (Identity's lockout); during it
/// the password still counts together with a right second step, and gets the same refusal either way, so guessing it
/// learns nothing. Every refused password costs the same work: one lookup, one hash, the same two lookups and one
/// commit (docs/security.md).
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
        code = string.IsNullOrWhiteSpace(code) ? null : code;
        var user = typed.Length > StaffUser.MaxEmailLength ? null : await users.FindByEmailAsync(typed);

        // The hash before any transaction: SQLite takes its write lock when one begins, and every other write of the
        // site would wait out the hash.
        var right = user is null
            ? decoy.Verify(password)
            : users.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash ?? "", password) != PasswordVerificationResult.Failed;
        var locked = user is { IsDisabled: false } && await users.IsLockedOutAsync(user);
        if (right && user is { IsDisabled: false } && !locked)
        {
            return await SignInAsync(user, password, code);
        }

        // A refusal's count and its audit entry in one commit, so that no way of failing costs a write more; inside the
        // execution strategy, as SQL Server's retries require.
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var outcome = await RefuseAsync(user, typed, right, locked, code);
            await transaction.CommitAsync();
            return outcome;
        });
    }

    /// <summary>The second step for a user whose password was right (or, in the lockout, is being checked): signs in, or counts a wrong code.</summary>
    public async Task<SecondStepResult> SecondStepAsync(StaffUser user, string typed, string action, string wrong, bool passwordRight = true)
    {
        ArgumentNullException.ThrowIfNull(user);
        var result = await secondStep.CheckAsync(user, typed, passwordRight);
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

    // A right password of an enabled account outside the lockout. Identity checks it again (a success looks different
    // anyway, so its time tells nothing more), counts and signs in, or asks for the second step.
    private async Task<SignInOutcome> SignInAsync(StaffUser user, string password, string? code)
    {
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.WriteAsync(AuditAction.SignIn, user.Email, user.Email);
            return SignInOutcome.SignedIn;
        }

        if (result.RequiresTwoFactor)
        {
            return code is null ? SignInOutcome.RequiresCode : await WithCodeAsync(user, code, passwordRight: true);
        }

        await audit.WriteAsync(AuditAction.SignInFailed, $"{user.Email} (niet toegelaten)", user.Email);
        return SignInOutcome.Refused;
    }

    private async Task<SignInOutcome> RefuseAsync(StaffUser? user, string typed, bool right, bool locked, string? code)
    {
        if (locked && code is not null)
        {
            // The lockout's way in: the second step does the same work whether the password was right or not.
            return await WithCodeAsync(user!, code, right);
        }

        if (user is { IsDisabled: false } && !locked)
        {
            // A wrong password: counted (Identity looks the name and address up again to check they are unique).
            await users.AccessFailedAsync(user);
            var now = await users.IsLockedOutAsync(user);
            await audit.WriteAsync(now ? AuditAction.LockedOut : AuditAction.SignInFailed, $"{user.Email} ({(now ? "wachtwoord onjuist, nu geblokkeerd" : "wachtwoord onjuist")})", user.Email);
            return SignInOutcome.Refused;
        }

        // Unknown, disabled or locked: the same two lookups as a counted wrong password; nothing counted, so that
        // strangers cannot stretch a lockout.
        await users.FindByNameAsync(user?.UserName ?? typed);
        await users.FindByEmailAsync(user?.Email ?? typed);
        var (actor, reason) = user is null ? (unknown.Name(typed), "geen account") : (user.Email!, user.IsDisabled ? "account uitgeschakeld" : "wachtwoord geblokkeerd");
        await audit.WriteAsync(user is { IsDisabled: false } ? AuditAction.LockedOut : AuditAction.SignInFailed, $"{actor} ({reason})", actor);
        return SignInOutcome.Refused;
    }

    private async Task<SignInOutcome> WithCodeAsync(StaffUser user, string code, bool passwordRight) =>
        await SecondStepAsync(user, code, AuditAction.SignIn, passwordRight ? "wachtwoord juist, code onjuist" : "wachtwoord geblokkeerd en onjuist", passwordRight) == SecondStepResult.Succeeded
            ? SignInOutcome.SignedIn
            : SignInOutcome.Refused;
}
