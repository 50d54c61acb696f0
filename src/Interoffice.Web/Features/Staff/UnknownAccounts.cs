using System.Security.Cryptography;
using System.Text;

namespace Interoffice.Web.Features.Staff;

/// <summary>
/// How the audit log names an address typed at sign-in that has no account: "onbekend account #…", never the address
/// (it may be a visitor's own, or a password typed in the wrong field). The hash is keyed, enough to see one attack;
/// the key lives only in this process's memory and is new every day, so nobody can later test an address against it.
/// </summary>
public sealed class UnknownAccounts(TimeProvider time)
{
    public const string Label = "onbekend account";

    private readonly Lock gate = new();
    private DateOnly day;
    private byte[] key = [];

    public string Name(string typed)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        byte[] current;
        lock (gate)
        {
            if (today != day || key.Length == 0)
            {
                (day, key) = (today, RandomNumberGenerator.GetBytes(32));
            }

            current = key;
        }

        var hash = HMACSHA256.HashData(current, Encoding.UTF8.GetBytes(typed.Trim().ToUpperInvariant()));
        return $"{Label} #{Convert.ToHexStringLower(hash.AsSpan(0, 6))}";
    }
}
