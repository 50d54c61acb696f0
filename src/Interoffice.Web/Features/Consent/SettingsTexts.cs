namespace Interoffice.Web.Features.Consent;

public sealed record SettingsTexts(
    string Title,
    string Intro,
    string AlwaysOn,
    string RefusedBySignal,
    IReadOnlyDictionary<string, string> ServicesPerCategory,
    string Save,
    string RejectAll,
    string AcceptAll,
    string Close);
