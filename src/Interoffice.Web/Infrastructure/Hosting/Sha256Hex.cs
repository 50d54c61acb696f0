using System.Security.Cryptography;
using System.Text;

namespace Interoffice.Web.Infrastructure.Hosting;

/// <summary>The one way the site writes a SHA-256 of a text: over its UTF-8 bytes, as 64 lower-case hex digits.</summary>
public static class Sha256Hex
{
    public static string Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
