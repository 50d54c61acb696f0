namespace Interoffice.Web.Features.Consent;

/// <summary>The settings form, as the banner's dialog and the cookie statement both show it.</summary>
public sealed record ConsentSettingsModel(IReadOnlyList<CategoryChoice> Categories, string ReturnUrl, string IdPrefix, bool GlobalPrivacyControl);
