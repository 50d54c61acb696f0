using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Interoffice.Web.Features.Consent;

/// <summary>
/// The key that signs the consent log's heads: ECDSA P-256 with SHA-256, signatures DER-encoded as openssl writes them.
/// It comes from Consent:SigningKey or Consent:SigningKeyPath; in Development without either, from a key made once in
/// the user's profile. Without a key (Production misconfigured) the log is written unsigned and every check says so.
/// </summary>
public sealed partial class ConsentLogSigner : IDisposable
{
    private const string P256 = "1.2.840.10045.3.1.7";

    private readonly ECDsa? key;

    public ConsentLogSigner(IOptions<ConsentOptions> options, IHostEnvironment environment, ILogger<ConsentLogSigner> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        var previous = options.Value.PreviousSigningKeys
            ?? (string.IsNullOrWhiteSpace(options.Value.PreviousSigningKeysPath) ? null : File.ReadAllText(options.Value.PreviousSigningKeysPath));
        foreach (var publicKey in PublicKeysIn(previous ?? ""))
        {
            TrustedKeys[FingerprintOf(publicKey)] = publicKey;
        }

        var pem = PemOf(options.Value) ?? (environment.IsDevelopment() ? DevelopmentKey(logger) : null);
        if (pem is null)
        {
            return;
        }

        key = Load(pem);
        PublicKeyPem = key.ExportSubjectPublicKeyInfoPem();
        Fingerprint = FingerprintOf(key);
        TrustedKeys[Fingerprint] = PublicKeyPem;
    }

    /// <summary>
    /// The keys a head may be signed with, by fingerprint: the current one and Consent:PreviousSigningKeys. They come
    /// from configuration, never from the database, whose holder could otherwise add a key of their own.
    /// </summary>
    public Dictionary<string, string> TrustedKeys { get; } = new(StringComparer.Ordinal);

    public bool IsSigning => key is not null;

    public string? Fingerprint { get; }

    public string? PublicKeyPem { get; }

    /// <summary>Where Development keeps the key it made: the user's profile, as user secrets are.</summary>
    public static string DevelopmentKeyPath => Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify),
        "Interoffice", "consent-log-signing-key.pem");

    public string Sign(string statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var signer = key ?? throw new InvalidOperationException("No signing key is configured.");
        return Convert.ToBase64String(signer.SignData(Encoding.UTF8.GetBytes(statement), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }

    /// <summary>Whether <paramref name="signature"/> (Base64 DER) is the key's signature of <paramref name="statement"/>.</summary>
    public static bool Verify(string publicKeyPem, string statement, string signature)
    {
        using var key = PublicKey(publicKeyPem);
        return key is not null && Verify(key, statement, signature);
    }

    public static bool Verify(ECDsa key, string statement, string signature)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(statement);
        try
        {
            return key.VerifyData(Encoding.UTF8.GetBytes(statement), Convert.FromBase64String(signature), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>A public key read from PEM, or null for text that holds none.</summary>
    public static ECDsa? PublicKey(string publicKeyPem)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(publicKeyPem);
            return key;
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            key.Dispose();
            return null;
        }
    }

    /// <summary>SHA-256 of the SubjectPublicKeyInfo (DER), lower-case hex: <c>openssl pkey -pubin -outform DER | sha256sum</c>.</summary>
    public static string FingerprintOf(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));
    }

    public static string FingerprintOf(string publicKeyPem)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(publicKeyPem);
        return FingerprintOf(key);
    }

    /// <summary>Every public key block in a PEM text (text between the blocks is ignored, RFC 7468).</summary>
    public static IEnumerable<string> PublicKeysIn(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        var found = new List<string>();
        var rest = pem.AsMemory();
        while (PemEncoding.TryFind(rest.Span, out var fields))
        {
            if (rest.Span[fields.Label].SequenceEqual("PUBLIC KEY"))
            {
                found.Add(rest[fields.Location].ToString());
            }

            rest = rest[fields.Location.End..];
        }

        return found;
    }

    /// <summary>Reads a PEM private key (PKCS#8 or SEC1) and refuses anything but EC P-256, with a message for the operator.</summary>
    public static ECDsa Load(string pem)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            if (key.ExportParameters(false).Curve.Oid.Value != P256 || !HasPrivateKey(key))
            {
                throw new ArgumentException("not a private key");
            }

            return key;
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new InvalidOperationException("The consent log's signing key is not a PEM EC P-256 private key (PKCS#8 or SEC1); make one with: openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256", ex);
        }
    }

    /// <summary>The configured PEM text, if any.</summary>
    public static string? PemOf(ConsentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return !string.IsNullOrWhiteSpace(options.SigningKey) ? options.SigningKey
            : !string.IsNullOrWhiteSpace(options.SigningKeyPath) ? File.ReadAllText(options.SigningKeyPath)
            : null;
    }

    public void Dispose() => key?.Dispose();

    private static bool HasPrivateKey(ECDsa key)
    {
        try
        {
            return key.ExportParameters(true).D is { Length: > 0 };
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static string DevelopmentKey(ILogger logger)
    {
        var path = DevelopmentKeyPath;
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var made = ECDsa.Create(ECCurve.NamedCurves.nistP256);

            // Readable by the user only from the moment it exists.
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var file = new StreamWriter(path, System.Text.Encoding.ASCII, create))
            {
                file.Write(made.ExportPkcs8PrivateKeyPem());
            }

            LogDevelopmentKeyMade(logger, path);
        }

        return File.ReadAllText(path);
    }

    [LoggerMessage(LogLevel.Information, "Development: made a signing key for the consent log at {Path}")]
    private static partial void LogDevelopmentKeyMade(ILogger logger, string path);
}
