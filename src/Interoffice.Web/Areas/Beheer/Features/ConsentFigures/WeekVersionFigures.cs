namespace Interoffice.Web.Areas.Beheer.Features.ConsentFigures;

/// <summary>The finest grain, as the CSV holds it: one week and one policy version (null for a week without choices).</summary>
public sealed record WeekVersionFigures(IsoWeek Week, string? Version, Tally Tally);
