using Microsoft.Extensions.Options;

namespace Interoffice.Web.Features.Consent;

internal sealed class ConsentOptionsValidator : IValidateOptions<ConsentOptions>
{
    public ValidateOptionsResult Validate(string? name, ConsentOptions options)
    {
        var failures = new List<string>();
        foreach (var (key, settings) in options.Services)
        {
            var service = ServiceRegistry.Find(key);
            if (service is null)
            {
                failures.Add($"Consent:Services:{key} is not a known service; known are {string.Join(", ", ServiceRegistry.All.Select(s => s.Key))}.");
            }
            else if (!string.IsNullOrWhiteSpace(settings.Id) && (service.IdPattern is null || !service.IdPattern.IsMatch(settings.Id.Trim())))
            {
                failures.Add(service.IdPattern is null
                    ? $"Consent:Services:{key} takes no Id; set Enabled to true."
                    : $"Consent:Services:{key}:Id '{settings.Id}' does not have the form {service.IdPattern}.");
            }
        }

        failures.AddRange(SigningKeyFailures(options));
        failures.AddRange(PreviousKeyFailures(options));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Previous keys, when given, must be public keys: a typo would make every old head a break.</summary>
    private static IEnumerable<string> PreviousKeyFailures(ConsentOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.PreviousSigningKeys) && !string.IsNullOrWhiteSpace(options.PreviousSigningKeysPath) && !File.Exists(options.PreviousSigningKeysPath))
        {
            yield return $"Consent:PreviousSigningKeysPath '{options.PreviousSigningKeysPath}' does not exist.";
        }
        else if ((options.PreviousSigningKeys ?? (string.IsNullOrWhiteSpace(options.PreviousSigningKeysPath) ? null : File.ReadAllText(options.PreviousSigningKeysPath))) is { } pem
            && !string.IsNullOrWhiteSpace(pem) && ReadablePublicKeys(pem) is not > 0)
        {
            yield return "Consent:PreviousSigningKeys(Path) holds no readable PEM public key (-----BEGIN PUBLIC KEY-----).";
        }
    }

    /// <summary>How many public keys the text holds, or null when one of them cannot be read.</summary>
    private static int? ReadablePublicKeys(string pem)
    {
        try
        {
            return ConsentLogSigner.PublicKeysIn(pem).Select(ConsentLogSigner.FingerprintOf).Count();
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>A key that is configured must be readable and EC P-256: a site that cannot sign does not start.</summary>
    private static IEnumerable<string> SigningKeyFailures(ConsentOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.SigningKey) && !string.IsNullOrWhiteSpace(options.SigningKeyPath) && !File.Exists(options.SigningKeyPath))
        {
            yield return $"Consent:SigningKeyPath '{options.SigningKeyPath}' does not exist.";
            yield break;
        }

        string? failure = null;
        try
        {
            if (ConsentLogSigner.PemOf(options) is { } pem)
            {
                ConsentLogSigner.Load(pem).Dispose();
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            failure = $"Consent:SigningKey{(string.IsNullOrWhiteSpace(options.SigningKey) ? "Path" : "")}: {ex.Message}";
        }

        if (failure is not null)
        {
            yield return failure;
        }
    }
}
