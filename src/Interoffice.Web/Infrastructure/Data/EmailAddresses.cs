using System.Text;
using MimeKit;

namespace Interoffice.Web.Infrastructure.Data;

/// <summary>
/// The one form in which the site compares e-mail addresses: trimmed, Unicode-composed (NFC) and lower-cased by .NET's
/// invariant rules. Computed here and stored beside the address as typed, so a lookup is a plain equality that matches
/// the same rows on SQLite (whose LOWER() folds ASCII only) and SQL Server (whose collation folds everything).
/// </summary>
public static class EmailAddresses
{
    public static string Normalize(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.Trim().Normalize(NormalizationForm.FormC).ToLowerInvariant();
    }

    /// <summary>A plain address a mail server takes (name@domain.tld), as typed: no display name, no spaces, no control characters.</summary>
    public static bool IsMailbox(string email) =>
        !email.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
        && MailboxAddress.TryParse(ParserOptions.Default, email, out var mailbox)
        && string.IsNullOrEmpty(mailbox.Name)
        && string.Equals(mailbox.Address, email, StringComparison.Ordinal)
        && email.IndexOf('@', StringComparison.Ordinal) is > 0 and var at
        && email.IndexOf('.', at) > at + 1
        && !email.EndsWith('.');

    /// <summary>
    /// Why a typed address is not taken, in the words the public forms show; null when it is a mailbox whose compared
    /// form fits a column of <paramref name="max"/> characters (composing a few rare characters makes it longer).
    /// </summary>
    public static string? Problem(string typed, int max) =>
        !IsMailbox(typed) ? "Vul een geldig e-mailadres in, bijvoorbeeld naam@bedrijf.nl."
        : Normalize(typed).Length > max ? $"Uw e-mailadres mag hoogstens {max} tekens lang zijn."
        : null;
}
