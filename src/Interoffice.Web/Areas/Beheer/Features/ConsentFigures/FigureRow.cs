using Interoffice.Web.Features.Consent;

namespace Interoffice.Web.Areas.Beheer.Features.ConsentFigures;

/// <summary>The columns of one consent record that the figures need: no consent id, no browser.</summary>
public sealed record FigureRow(
    DateTime RecordedAt,
    string PolicyVersion,
    ConsentMethod Method,
    bool? Analytics,
    bool? Tracking,
    bool? Social,
    bool? Advertising,
    bool GlobalPrivacyControl)
{
    /// <summary>Only the columns the figures need, for the period; counted in memory, so the query is plain on every provider.</summary>
    public static IQueryable<FigureRow> Of(Interoffice.Web.Infrastructure.Data.SiteDbContext db, FiguresPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return ConsentQueries.RecordedBetween(db, period.StartUtc, period.EndUtc)
            .Select(r => new FigureRow(r.RecordedAt, r.PolicyVersion, r.Method, r.Analytics, r.Tracking, r.Social, r.Advertising, r.GlobalPrivacyControl));
    }

    public bool? Answer(ConsentCategory category) => category switch
    {
        ConsentCategory.Analytics => Analytics,
        ConsentCategory.Tracking => Tracking,
        ConsentCategory.Social => Social,
        ConsentCategory.Advertising => Advertising,
        _ => null,
    };
}
