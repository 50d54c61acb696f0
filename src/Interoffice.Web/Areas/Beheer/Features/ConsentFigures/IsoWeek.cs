using System.Globalization;
using Interoffice.Web.Infrastructure.Hosting;

namespace Interoffice.Web.Areas.Beheer.Features.ConsentFigures;

/// <summary>One ISO week of Amsterdam dates, e.g. "week 48 (2026)".</summary>
public readonly record struct IsoWeek(int Year, int Week)
{
    public static IsoWeek Of(DateOnly date) => new(ISOWeek.GetYear(date.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeekOfYear(date.ToDateTime(TimeOnly.MinValue)));

    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    public string Label => string.Create(DutchTime.Culture, $"week {Week} ({Year})");

    /// <summary>As spreadsheets and ISO 8601 write it: 2026-W48.</summary>
    public string Code => string.Create(CultureInfo.InvariantCulture, $"{Year}-W{Week:00}");
}
