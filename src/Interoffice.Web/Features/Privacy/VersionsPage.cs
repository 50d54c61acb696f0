namespace Interoffice.Web.Features.Privacy;

/// <summary>The versions page: every published version, newest first, and when each was announced by e-mail.</summary>
public sealed record VersionsPage(IReadOnlyList<PrivacyStatementDocument> Versions, IReadOnlyDictionary<string, DateTime> Announced);
