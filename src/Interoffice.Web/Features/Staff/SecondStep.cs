using Microsoft.AspNetCore.Identity;

namespace Interoffice.Web.Features.Staff;

/// <summary>
/// The second step of signing in: a code from the authenticator app or a recovery code, after a right password. It has
/// a lockout of its own (five wrong codes, fifteen minutes), so that the password lockout, which strangers can set off
/// with wrong passwords, never stops a staff member who has the password and the phone (docs/security.md).
/// </summary>
public sealed class SecondStep(UserManager<StaffUser> users, TimeProvider time)
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

    /// <summary>Checks <paramref name="typed"/> for <paramref name="user"/>, counting a wrong one; the caller has checked the password.</summary>
    public async Task<SecondStepResult> CheckAsync(StaffUser user, string typed)
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
            : (await users.RedeemTwoFactorRecoveryCodeAsync(user, typed.Replace(" ", "", StringComparison.Ordinal).Trim())).Succeeded;
        if (right)
        {
            user.SecondStepFailures = 0;
            user.SecondStepLockoutEnd = null;
        }
        else if (++user.SecondStepFailures >= MaxFailures)
        {
            user.SecondStepFailures = 0;
            user.SecondStepLockoutEnd = time.GetUtcNow() + LockoutTime;
        }

        await users.UpdateAsync(user);
        return right ? SecondStepResult.Succeeded : IsLockedOut(user) ? SecondStepResult.LockedOut : SecondStepResult.Wrong;
    }

    private static string Digits(string typed) => new(typed.Where(char.IsDigit).ToArray());
}
