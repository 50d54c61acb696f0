using System.Security.Cryptography;

namespace Interoffice.Web.Tests.Support;

/// <summary>What an authenticator app computes from the key staff scan or type (RFC 6238, 30 seconds, six digits).</summary>
public static class Totp
{
    /// <summary>
    /// The six-digit code an authenticator app shows now for a base32 key (RFC 6238). On the wall clock, not the site's:
    /// Identity checks these codes against the wall clock too.
    /// </summary>
    public static string Code(string base32Key, DateTimeOffset? at = null)
    {
        ArgumentNullException.ThrowIfNull(base32Key);
        var key = Base32(base32Key);
        var counter = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / 30;
        var bytes = BitConverter.GetBytes(counter);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(bytes);
        }

#pragma warning disable CA5350 // TOTP is defined on HMAC-SHA1
        var hash = HMACSHA1.HashData(key, bytes);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var value = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var buffer = 0;
        var result = new List<byte>();
        foreach (var c in text.ToUpperInvariant().Where(c => c != '=' && c != ' '))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                result.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. result];
    }
}
