using System.Security.Cryptography;
using System.Text;
using Interoffice.Web.Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Interoffice.Web.Features.Staff;

/// <summary>
/// Identity's store, with the two-step secrets kept out of plain sight in AspNetUserTokens (and so in every backup):
/// the authenticator key sealed with Data Protection, the recovery codes only as salted PBKDF2 hashes. Values that
/// 1.0 stored in plain text are still read, and rewritten sealed by <see cref="StaffSecretsAtRest"/>.
/// </summary>
public sealed class StaffUserStore(SiteDbContext context, IDataProtectionProvider protection, IdentityErrorDescriber? describer = null)
    : UserStore<StaffUser, IdentityRole, SiteDbContext>(context, describer)
{
    // Identity's own names for the rows, which 1.0's data already uses.
    public const string Provider = "[AspNetUserStore]";
    public const string AuthenticatorKeyName = "AuthenticatorKey";
    public const string RecoveryCodesName = "RecoveryCodes";

    private const string SealedPrefix = "dp1:";
    private const string HashedPrefix = "pbkdf2-sha256:";

    // Recovery codes carry about 47 bits of chance; with these rounds, finding one costs ~10^17 hashes per account.
    private const int Rounds = 10_000;

    private readonly IDataProtector sealer = protection.CreateProtector("Interoffice.Staff.AuthenticatorKey");

    public static bool IsPlain(IdentityUserToken<string> token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return token.LoginProvider == Provider && token.Value is { Length: > 0 } value
            && ((token.Name == AuthenticatorKeyName && !value.StartsWith(SealedPrefix, StringComparison.Ordinal))
                || (token.Name == RecoveryCodesName && !value.StartsWith(HashedPrefix, StringComparison.Ordinal)));
    }

    public override Task SetAuthenticatorKeyAsync(StaffUser user, string key, CancellationToken cancellationToken) =>
        SetTokenAsync(user, Provider, AuthenticatorKeyName, SealedPrefix + sealer.Protect(key), cancellationToken);

    public override async Task<string?> GetAuthenticatorKeyAsync(StaffUser user, CancellationToken cancellationToken)
    {
        var stored = await GetTokenAsync(user, Provider, AuthenticatorKeyName, cancellationToken);
        return stored is not null && stored.StartsWith(SealedPrefix, StringComparison.Ordinal) ? sealer.Unprotect(stored[SealedPrefix.Length..]) : stored;
    }

    public override Task ReplaceCodesAsync(StaffUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recoveryCodes);
        var salt = RandomNumberGenerator.GetBytes(16);
        return SetTokenAsync(user, Provider, RecoveryCodesName, Stored(salt, recoveryCodes.Select(code => Hash(salt, code))), cancellationToken);
    }

    public override async Task<bool> RedeemCodeAsync(StaffUser user, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        var stored = await GetTokenAsync(user, Provider, RecoveryCodesName, cancellationToken) ?? "";
        if (!stored.StartsWith(HashedPrefix, StringComparison.Ordinal))
        {
            // 1.0's plain codes: Identity's own check, which stores the rest through ReplaceCodesAsync, hashed.
            return await base.RedeemCodeAsync(user, code, cancellationToken);
        }

        var (salt, hashes) = Parse(stored);
        var match = IndexOf(salt, hashes, code);
        if (match < 0)
        {
            return false;
        }

        hashes.RemoveAt(match);
        await SetTokenAsync(user, Provider, RecoveryCodesName, Stored(salt, hashes), cancellationToken);
        return true;
    }

    /// <summary>Whether <paramref name="code"/> is one of the user's recovery codes, without using it up.</summary>
    public async Task<bool> HasCodeAsync(StaffUser user, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        var stored = await GetTokenAsync(user, Provider, RecoveryCodesName, cancellationToken) ?? "";
        if (!stored.StartsWith(HashedPrefix, StringComparison.Ordinal))
        {
            return stored.Split(';').Contains(code);
        }

        var (salt, hashes) = Parse(stored);
        return IndexOf(salt, hashes, code) >= 0;
    }

    public override async Task<int> CountCodesAsync(StaffUser user, CancellationToken cancellationToken)
    {
        var stored = await GetTokenAsync(user, Provider, RecoveryCodesName, cancellationToken) ?? "";
        return stored.StartsWith(HashedPrefix, StringComparison.Ordinal) ? Parse(stored).Hashes.Count : await base.CountCodesAsync(user, cancellationToken);
    }

    private static int IndexOf(byte[] salt, List<string> hashes, string code)
    {
        var typed = Convert.FromBase64String(Hash(salt, code));
        return hashes.FindIndex(hash => CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(hash), typed));
    }

    private static string Stored(byte[] salt, IEnumerable<string> hashes) => HashedPrefix + string.Join(";", [Convert.ToBase64String(salt), .. hashes]);

    private static (byte[] Salt, List<string> Hashes) Parse(string stored)
    {
        var parts = stored[HashedPrefix.Length..].Split(';', StringSplitOptions.RemoveEmptyEntries);
        return (Convert.FromBase64String(parts[0]), parts[1..].ToList());
    }

    // Codes are typed in any case, with or without their dash and spaces.
    private static string Hash(byte[] salt, string code) =>
        Convert.ToBase64String(Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(new string([.. code.Where(char.IsLetterOrDigit)]).ToUpperInvariant()), salt, Rounds, HashAlgorithmName.SHA256, 32));
}
