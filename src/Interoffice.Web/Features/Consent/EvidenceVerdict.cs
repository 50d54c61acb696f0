namespace Interoffice.Web.Features.Consent;

/// <summary>The site's own verdict on the whole log when the file was made: for reading, not for checking offline.</summary>
public sealed record EvidenceVerdict(bool Intact, string Verdict, long Records, string LastHash);
