namespace Interoffice.Web.Areas.Beheer.Features.ConsentFigures;

public sealed record VersionFigures(string Version, DateTime FirstAt, DateTime LastAt, Tally Tally);
