using Interoffice.Web.Features.Consent;

namespace Interoffice.Web.Areas.Beheer.Features.ConsentRecords;

/// <summary>
/// The staff page: the looked-up id (null before a lookup) with its choices and the snapshots they were made under,
/// the verdict on the whole log, and the default export period.
/// </summary>
public sealed record ConsentRecordsModel(
    string? ConsentId,
    IReadOnlyList<ConsentRecord> Records,
    IReadOnlyDictionary<string, ShownSnapshot> Snapshots,
    ChainVerdict Verdict,
    DateOnly From,
    DateOnly To);
