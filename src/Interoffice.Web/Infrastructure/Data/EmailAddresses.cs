using System.Text;

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
}
