using System.Buffers.Text;
using System.Security.Cryptography;

namespace Interoffice.Web.Infrastructure.Hosting;

/// <summary>The one-time secrets the site mails or sets in a cookie: 32 random bytes, and the hash that is all it keeps of them.</summary>
public static class Secrets
{
    /// <summary>A new secret, base64url (safe in a link and a cookie).</summary>
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>The SHA-256 of a text, as lower-case hex: what is stored in place of a secret.</summary>
    public static string Hash(string text) => Sha256Hex.Of(text);
}
