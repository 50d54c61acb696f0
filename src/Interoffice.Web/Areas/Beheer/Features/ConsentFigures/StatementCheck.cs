using System.Text.RegularExpressions;
using Interoffice.Web.Features.Consent;

namespace Interoffice.Web.Areas.Beheer.Features.ConsentFigures;

/// <summary>
/// Whether the privacy statement still fits the site: the enabled services whose party it does not name, and the third
/// parties it names that no enabled service belongs to. An entry names a party when it holds the party's name as a
/// word, in any case: "Facebook (Meta)" names Meta, "CDN Bootstrap" names nobody the site uses.
/// </summary>
public sealed record StatementCheck(IReadOnlyList<ThirdPartyService> NotNamed, IReadOnlyList<string> NotUsed)
{
    public bool Matches => NotNamed.Count == 0 && NotUsed.Count == 0;

    public static StatementCheck Compare(IEnumerable<string> statementParties, IEnumerable<ThirdPartyService> enabled)
    {
        ArgumentNullException.ThrowIfNull(statementParties);
        ArgumentNullException.ThrowIfNull(enabled);
        var entries = statementParties.ToList();
        var services = enabled.ToList();
        return new StatementCheck(
            [.. services.Where(s => !entries.Any(e => Names(e, s.Party)))],
            [.. entries.Where(e => !services.Any(s => Names(e, s.Party)))]);
    }

    /// <summary>The statement's entry holds the party's name as a whole word, ignoring case.</summary>
    public static bool Names(string entry, string party)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(party);
        return party.Trim().Length > 0
            && Regex.IsMatch(entry, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(party.Trim())}(?![\p{{L}}\p{{N}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
