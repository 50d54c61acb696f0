namespace Interoffice.Web.Features.Consent;

public sealed record SnapshotCategory(string Key, string Label, string Description, bool AlwaysOn);
