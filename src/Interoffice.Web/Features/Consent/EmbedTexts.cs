namespace Interoffice.Web.Features.Consent;

public sealed record EmbedTexts(string Text, string LoadOnce, string AllowAlways, string Note, string SettingsLink);
