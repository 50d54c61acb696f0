using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Interoffice.Web.Features.Contact;

/// <summary>
/// The signed moment a form was shown: a post that comes back sooner than a person can type is taken for a bot,
/// without asking the visitor anything and without a third-party CAPTCHA.
/// </summary>
public sealed class FormStamp(IDataProtectionProvider dataProtection, IOptions<ContactOptions> options, TimeProvider time)
{
    private readonly IDataProtector protector = dataProtection.CreateProtector("Interoffice.Contact.FormStamp.v1");

    public string Issue() => protector.Protect(time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));

    /// <summary>True when the stamp is genuine, not from the future, and old enough.</summary>
    public bool IsHuman(string? stamp)
    {
        if (options.Value.MinimumSecondsToFill <= 0)
        {
            return true;
        }

        if (string.IsNullOrEmpty(stamp) || stamp.Length > 512)
        {
            return false;
        }

        try
        {
            var shown = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(protector.Unprotect(stamp), CultureInfo.InvariantCulture));
            var elapsed = time.GetUtcNow() - shown;
            return elapsed >= TimeSpan.FromSeconds(options.Value.MinimumSecondsToFill) && elapsed < TimeSpan.FromDays(2);
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or OverflowException)
        {
            return false;
        }
    }

    public bool IsGenuine(string? stamp)
    {
        try
        {
            return !string.IsNullOrEmpty(stamp) && protector.Unprotect(stamp).Length > 0;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
