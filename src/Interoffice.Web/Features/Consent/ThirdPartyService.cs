using System.Text.RegularExpressions;

namespace Interoffice.Web.Features.Consent;

/// <summary>
/// One third-party service: what the cookie statement says of it, which hosts the Content-Security-Policy
/// opens for it once its category is consented, and the markup it puts on the page.
/// </summary>
public sealed class ThirdPartyService
{
    public required string Key { get; init; }

    public required string Name { get; init; }

    public required ConsentCategory Category { get; init; }

    public required string Provider { get; init; }

    /// <summary>The party as people (and the privacy statement) call it: "Google", "Meta".</summary>
    public required string Party { get; init; }

    public required string Purpose { get; init; }

    public required Uri PrivacyPolicy { get; init; }

    public required IReadOnlyList<ServiceCookie> Cookies { get; init; }

    /// <summary>CSP directive → the sources it needs (script-src, connect-src, img-src, frame-src, …).</summary>
    public required IReadOnlyDictionary<string, string[]> Sources { get; init; }

    /// <summary>The form of the account id; null for a service that needs none (it is switched on with Enabled).</summary>
    public Regex? IdPattern { get; init; }

    /// <summary>Google's tags, which need Consent Mode defaults before them.</summary>
    public bool UsesGoogleConsentMode { get; init; }

    public MarkupPlacement Placement { get; init; } = MarkupPlacement.None;

    /// <summary>The markup, given the validated account id. Its inline scripts are allowed by their hashes.</summary>
    public Func<string, string>? Markup { get; init; }
}
