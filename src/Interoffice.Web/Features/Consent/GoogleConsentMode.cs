using Interoffice.Web.Infrastructure.Hosting;

namespace Interoffice.Web.Features.Consent;

/// <summary>Google Consent Mode v2 signals from the visitor's choice.</summary>
public static class GoogleConsentMode
{
    public static IReadOnlyDictionary<string, string> For(Func<ConsentCategory, bool> isGranted)
    {
        ArgumentNullException.ThrowIfNull(isGranted);
        static string Signal(bool granted) => granted ? "granted" : "denied";
        return new Dictionary<string, string>
        {
            ["ad_storage"] = Signal(isGranted(ConsentCategory.Advertising)),
            ["ad_user_data"] = Signal(isGranted(ConsentCategory.Advertising)),
            ["ad_personalization"] = Signal(isGranted(ConsentCategory.Advertising) && isGranted(ConsentCategory.Tracking)),
            ["analytics_storage"] = Signal(isGranted(ConsentCategory.Analytics)),
        };
    }

    public static string ToScriptObject(IReadOnlyDictionary<string, string> signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        return "{" + string.Join(",", signals.Select(s => $"{s.Key}:'{s.Value}'")) + "}";
    }

    /// <summary>
    /// The inline script that sets Consent Mode's defaults before any Google tag, and the CSP source that allows it
    /// (its hash). It depends on three categories only, so each of the eight is made once.
    /// </summary>
    public static (string Script, string HashSource) Defaults(Func<ConsentCategory, bool> isGranted)
    {
        ArgumentNullException.ThrowIfNull(isGranted);
        var index = (isGranted(ConsentCategory.Analytics) ? 1 : 0) | (isGranted(ConsentCategory.Advertising) ? 2 : 0) | (isGranted(ConsentCategory.Tracking) ? 4 : 0);
        return DefaultsByGrant[index];
    }

    private static readonly (string Script, string HashSource)[] DefaultsByGrant = [.. Enumerable.Range(0, 8).Select(index =>
    {
        var script = "window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}" +
            $"gtag('consent','default',{ToScriptObject(For(c => c switch
            {
                ConsentCategory.Analytics => (index & 1) != 0,
                ConsentCategory.Advertising => (index & 2) != 0,
                ConsentCategory.Tracking => (index & 4) != 0,
                _ => false,
            }))});";
        return (script, ContentSecurityPolicy.HashSource(script));
    })];
}
