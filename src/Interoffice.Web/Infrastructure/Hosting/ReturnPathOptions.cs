using System.Text.RegularExpressions;

namespace Interoffice.Web.Infrastructure.Hosting;

/// <summary>
/// What <see cref="ReturnPath"/> takes for personal data in an address besides an e-mail address and a phone number,
/// and where an id is the site's own: each feature registers its own (the contact form its reference format).
/// </summary>
public sealed class ReturnPathOptions
{
    /// <summary>Patterns that count as personal data anywhere in a path.</summary>
    public List<Regex> PersonalData { get; } = [];

    /// <summary>
    /// Paths (ending in /) whose next segment, a GUID, is a random id the site made (a message page), not a visitor's:
    /// its digits are not read as a phone number. Elsewhere a GUID may be a visitor's own (a consent id).
    /// </summary>
    public List<string> RandomIdPaths { get; } = [];
}
