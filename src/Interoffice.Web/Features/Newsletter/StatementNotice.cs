using System.Security.Cryptography;
using System.Text;
using Interoffice.Web.Features.Privacy;
using Interoffice.Web.Infrastructure.Hosting;

namespace Interoffice.Web.Features.Newsletter;

/// <summary>
/// The prepared change notice for the statement version in force: what changed (the version's own summary) and links
/// to it and to the versions page. Its id comes from the version, so a version is announced once.
/// </summary>
public static class StatementNotice
{
    /// <summary>The notice to send, or null when the version in force is the first or has been announced.</summary>
    public static NewsletterDraft? Due(IReadOnlyList<PrivacyStatementDocument> versions, IReadOnlyDictionary<string, DateTime> announced)
    {
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentNullException.ThrowIfNull(announced);
        return versions.Count < 2 || announced.ContainsKey(versions[0].Version) ? null : For(versions[0]);
    }

    public static NewsletterDraft For(PrivacyStatementDocument version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var changed = version.Summary ?? "Wat er verandert, leest u in de nieuwe versie zelf.";
        var body = $"""
            Per {version.LastModified.ToString("d MMMM yyyy", DutchTime.Culture)} geldt een nieuwe versie van onze privacyverklaring (versie {version.Version}).

            **Wat er verandert:** {changed}

            [Lees de nieuwe privacyverklaring](/privacyverklaring)

            [Alle versies, met hun datum en vingerafdruk](/privacyverklaring/versies)

            U ontvangt dit bericht omdat wij hebben beloofd u bij wijzigingen per e-mail op de hoogte te brengen.
            """;
        return new NewsletterDraft(IdOf(version.Version), $"Onze privacyverklaring is gewijzigd (versie {version.Version})", body, StatementVersion: version.Version);
    }

    private static Guid IdOf(string version) => new(SHA256.HashData(Encoding.UTF8.GetBytes("statement-notice:" + version)).AsSpan(0, 16));
}
