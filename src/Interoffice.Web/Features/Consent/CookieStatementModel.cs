namespace Interoffice.Web.Features.Consent;

/// <summary>The cookie statement: every cookie from the registry, the visitor's choice, and the form to change it.</summary>
public sealed record CookieStatementModel(
    ConsentSettingsModel Settings,
    ConsentChoice? Choice,
    DateTimeOffset? ChoiceExpiresAt,
    IReadOnlyList<EnabledService> Services);
