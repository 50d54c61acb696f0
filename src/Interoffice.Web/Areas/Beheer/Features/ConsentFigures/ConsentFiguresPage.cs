using Interoffice.Web.Features.Consent;
using Interoffice.Web.Features.Privacy;

namespace Interoffice.Web.Areas.Beheer.Features.ConsentFigures;

/// <summary><paramref name="Snapshots"/>: per policy version of the period, the snapshot it names (to say which statement and revision it was).</summary>
public sealed record ConsentFiguresPage(PeriodInput Input, ConsentFigures? Figures, StatementCheck Statement, PrivacyStatementDocument StatementVersion, IReadOnlyDictionary<string, PolicySnapshot> Snapshots);
