using Interoffice.Web.Infrastructure.Hosting;

namespace Interoffice.Web.Features.Consent;

/// <summary>One category in the settings: what it is, its services, and where the visitor stands.</summary>
public sealed record CategoryChoice(CategoryInfo Info, bool Granted, bool RefusedBySignal, IReadOnlyList<ThirdPartyService> Services);

/// <summary>The settings form, as the banner's dialog and the cookie statement both show it.</summary>
public sealed record ConsentSettingsModel(IReadOnlyList<CategoryChoice> Categories, string ReturnUrl, string IdPrefix, bool GlobalPrivacyControl);

/// <summary>The cookie statement: every cookie from the registry, the visitor's choice, and the form to change it.</summary>
public sealed record CookieStatementModel(
    ConsentSettingsModel Settings,
    ConsentState? Choice,
    DateTimeOffset? ChoiceExpiresAt,
    IReadOnlyList<EnabledService> Services);

public static class ConsentViewModels
{
    public static ConsentSettingsModel Settings(HttpContext context, EnabledServices services, string idPrefix, string? returnUrl = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(services);
        var consent = context.Consent();
        var categories = services.Offered
            .Select(category => new CategoryChoice(
                category.Info(),
                consent.IsGranted(category),
                consent.IsRefusedBySignal(category),
                [.. services.All.Where(s => s.Service.Category == category).Select(s => s.Service)]))
            .ToList();
        return new ConsentSettingsModel(categories, returnUrl ?? CurrentLocalUrl(context), idPrefix, consent.GlobalPrivacyControl);
    }

    /// <summary>The page the visitor is on, to come back to after the choice (the query keeps "Video laden" out).</summary>
    public static string CurrentLocalUrl(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Request.Path.HasValue ? context.Request.Path.Value! : "/";
        return context.Request.PathBase + path;
    }
}

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
