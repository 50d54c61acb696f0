using Interoffice.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Features.Staff;

/// <summary>
/// The second step of signing in: a code from the authenticator app or a recovery code, after a right password. It has
/// a lockout of its own (five wrong codes, fifteen minutes), so that the password lockout, which strangers can set off
/// with wrong passwords, never stops a staff member who has the password and the phone (docs/security.md).
/// </summary>
public sealed class SecondStep(UserManager<StaffUser> users, StaffUserStore store, SiteDbContext db, TimeProvider time)
{
    public const int MaxFailures = 5;

    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);

    public bool IsLockedOut(StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.SecondStepLockoutEnd > time.GetUtcNow();
    }

    /// <summary>Six digits are a code from the app; anything else is tried as a recovery code (which then works no more).</summary>
    public static bool IsAppCode(string typed) => Digits(typed) is { Length: 6 } && typed.All(c => char.IsDigit(c) || char.IsWhiteSpace(c));

    /// <summary>
    /// Checks <paramref name="typed"/> for <paramref name="user"/>, counting a wrong one. With a wrong password (during
    /// the password lockout) it does the same work and writes, but counts nothing and never succeeds, so that its time
    /// does not tell a right password from a wrong one.
    /// </summary>
    public async Task<SecondStepResult> CheckAsync(StaffUser user, string typed, bool passwordRight = true)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(typed);
        if (!user.TwoFactorEnabled)
        {
            return SecondStepResult.Wrong;
        }

        if (IsLockedOut(user))
        {
            return SecondStepResult.LockedOut;
        }

        var right = IsAppCode(typed)
            ? await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Digits(typed))
            : passwordRight
                ? (await users.RedeemTwoFactorRecoveryCodeAsync(user, typed)).Succeeded
                : await store.HasCodeAsync(user, typed, CancellationToken.None);
        if (right && passwordRight)
        {
            await SetAsync(user, 0, null);
            return SecondStepResult.Succeeded;
        }

        // Counted in the database itself, so that wrong codes sent side by side are each counted.
        var mine = db.Set<StaffUser>().Where(u => u.Id == user.Id);
        await mine.ExecuteUpdateAsync(s => s.SetProperty(u => u.SecondStepFailures, u => u.SecondStepFailures + (passwordRight ? 1 : 0)));
        var failures = await mine.Select(u => u.SecondStepFailures).SingleAsync();
        if (failures >= MaxFailures)
        {
            await SetAsync(user, 0, time.GetUtcNow() + LockoutTime);
            return SecondStepResult.LockedOut;
        }

        user.SecondStepFailures = failures;
        return SecondStepResult.Wrong;
    }

    // The tracked user is kept in step, so that Identity's next update of it does not write old values back.
    private async Task SetAsync(StaffUser user, int failures, DateTimeOffset? lockoutEnd)
    {
        await db.Set<StaffUser>().Where(u => u.Id == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.SecondStepFailures, failures).SetProperty(u => u.SecondStepLockoutEnd, lockoutEnd));
        (user.SecondStepFailures, user.SecondStepLockoutEnd) = (failures, lockoutEnd);
    }

    /// <summary>The digits of a typed code ("123 456" is 123456), as apps show them with a space.</summary>
    public static string Digits(string typed) => new(typed.Where(char.IsDigit).ToArray());
}
