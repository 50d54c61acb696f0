namespace Interoffice.Web.Areas.Beheer.Features.ConsentFigures;

public sealed record WeekFigures(IsoWeek Week, Tally Tally);
