using Interoffice.Web.Features.Consent;

namespace Interoffice.Web.Areas.Beheer.Features.ConsentRecords;

/// <summary>A stored snapshot as staff read it: its hash, when it was first served, and its content (null if unreadable).</summary>
public sealed record ShownSnapshot(string Hash, DateTime FirstServedAt, PolicySnapshot? Content, bool MatchesHash);
