namespace Interoffice.Web.Features.Consent;

public sealed record SnapshotService(string Key, string Name, string Category, string Provider, string Purpose, string PrivacyPolicy, IReadOnlyList<SnapshotCookie> Cookies);
