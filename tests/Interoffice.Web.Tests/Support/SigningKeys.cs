using System.Security.Cryptography;

namespace Interoffice.Web.Tests.Support;

/// <summary>EC P-256 private keys in PEM, as an operator makes them with openssl; one per test run unless a test asks for another.</summary>
public static class SigningKeys
{
    /// <summary>The key every test site signs its consent log with, unless told otherwise.</summary>
    public static string Default { get; } = New();

    public static string New()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    }
}
