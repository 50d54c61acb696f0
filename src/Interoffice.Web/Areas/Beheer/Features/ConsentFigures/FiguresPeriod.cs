using Interoffice.Web.Infrastructure.Hosting;

namespace Interoffice.Web.Areas.Beheer.Features.ConsentFigures;

/// <summary>A period of Amsterdam days, both ends included.</summary>
public sealed record FiguresPeriod(DateOnly From, DateOnly To)
{
    /// <summary>The longest period shown: three years of weeks still fit one chart.</summary>
    public const int MaxYears = 3;

    public static readonly DateOnly Earliest = new(2000, 1, 1);

    /// <summary>The first moment of <see cref="From"/> in Amsterdam, in UTC.</summary>
    public DateTime StartUtc => DutchTime.StartOfDayUtc(From);

    /// <summary>The first moment after <see cref="To"/> in Amsterdam, in UTC.</summary>
    public DateTime EndUtc => DutchTime.StartOfDayUtc(To.AddDays(1));

    /// <summary>The last 12 weeks: from the Monday eleven weeks before this week up to today.</summary>
    public static FiguresPeriod LastTwelveWeeks(DateOnly today) => new(IsoWeek.Of(today).Monday.AddDays(-77), today);
}
