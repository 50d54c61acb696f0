namespace Interoffice.Web.Features.Consent;

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
