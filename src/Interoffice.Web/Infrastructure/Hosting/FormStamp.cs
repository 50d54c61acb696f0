using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Interoffice.Web.Infrastructure.Hosting;

/// <summary>
/// The signed moment a form was shown: a post that comes back sooner than a person can type is taken for a bot,
/// without asking the visitor anything and without a third-party CAPTCHA. Every public form uses it (the contact form,
/// the newsletter sign-up); cached pages get theirs from <see cref="FormStamps"/>.
/// </summary>
public sealed class FormStamp(IDataProtectionProvider dataProtection, TimeProvider time, Data.DatabaseGate database)
{
    // The purpose of the contact form, where it began: stamps shown before an upgrade still count after it.
    private readonly IDataProtector protector = dataProtection.CreateProtector("Interoffice.Contact.FormStamp.v1");

    private Issued? issued;

    /// <summary>
    /// The stamp for now. It says only when the form was shown, to the second, and is the same for every visitor in
    /// that second: one is made per second, not per page view (each costs encryption).
    /// </summary>
    public string Issue()
    {
        // Its key ring lives in the database: while that is being migrated a page is not held up for a stamp; a form
        // sent without one is shown again, with one, and keeps what was typed.
        if (!database.Ready.IsCompletedSuccessfully)
        {
            return "";
        }

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

    // A stamp older than this no longer counts: the form is shown again with a new one.
    private static readonly TimeSpan MaxAge = TimeSpan.FromDays(2);

    /// <summary>True when the stamp is genuine, not from the future, at least <paramref name="minimumSeconds"/> old and not too old.</summary>
    public bool IsHuman(string? stamp, double minimumSeconds)
    {
        if (minimumSeconds <= 0)
        {
            return true;
        }

        var elapsed = time.GetUtcNow() - Shown(stamp);
        return elapsed >= TimeSpan.FromSeconds(minimumSeconds) && elapsed < MaxAge;
    }

    /// <summary>
    /// The stamp a form that comes back carries: the first moment it was shown, so the next try counts from there,
    /// while that still counts; otherwise (forged, or the page stood open for days) a new one.
    /// </summary>
    public string Keep(string? stamp) =>
        Shown(stamp) is { } shown && time.GetUtcNow() - shown is var elapsed && elapsed >= TimeSpan.FromSeconds(-1) && elapsed < MaxAge ? stamp! : Issue();

    private DateTimeOffset? Shown(string? stamp)
    {
        if (string.IsNullOrEmpty(stamp) || stamp.Length > 512)
        {
            return null;
        }

        try
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(protector.Unprotect(stamp), CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or OverflowException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
