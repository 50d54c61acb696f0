namespace Interoffice.Web.Features.Consent;

public sealed record SnapshotStatement(string Version, string LastModified, string Title, string Sha256);
