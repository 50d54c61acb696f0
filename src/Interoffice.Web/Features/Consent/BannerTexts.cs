namespace Interoffice.Web.Features.Consent;

public sealed record BannerTexts(string Title, string Text, string MoreLink, string GlobalPrivacyControl, string AcceptAll, string RejectAll, string OpenSettings);
