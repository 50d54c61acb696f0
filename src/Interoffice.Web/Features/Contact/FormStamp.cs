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

    private Issued? issued;

    /// <summary>
    /// The stamp for now. It says only when the form was shown, to the second, and is the same for every visitor in
    /// that second: one is made per second, not per page view (each costs encryption).
    /// </summary>
    public string Issue()
    {
        var second = time.GetUtcNow().ToUnixTimeSeconds();
        if (Volatile.Read(ref issued) is { } last && last.Second == second)
        {
            return last.Stamp;
        }

        // The end of the second: the time a visitor took is never overestimated.
        var stamp = protector.Protect(((second + 1) * 1000).ToString(CultureInfo.InvariantCulture));
        Volatile.Write(ref issued, new Issued(second, stamp));
        return stamp;
    }

    private sealed record Issued(long Second, string Stamp);

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
