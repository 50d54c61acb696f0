using System.Globalization;

namespace Interoffice.Web.Infrastructure.Hosting;

/// <summary>Times as a person in the Netherlands reads them: Europe/Amsterdam, Dutch month names. Stored times stay UTC.</summary>
public static class DutchTime
{
    public static TimeZoneInfo Zone { get; } = Find();

    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("nl-NL");

    public static DateTime FromUtc(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>e.g. "26 november 2026" or, with a format, any pattern in Dutch.</summary>
    public static string Format(DateTime utc, string format = "d MMMM yyyy") => FromUtc(utc).ToString(format, Culture);

    /// <summary>A cell of an export: "2026-11-26 07:49" (or with seconds) in Amsterdam (the column header says so).</summary>
    public static string Cell(DateTime utc, bool seconds = false) =>
        FromUtc(utc).ToString(seconds ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>For JSON: ISO 8601 in Amsterdam with its offset, e.g. "2026-07-01T07:49:00+02:00" (an unambiguous instant).</summary>
    public static string Iso(DateTime utc)
    {
        var instant = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        return new DateTimeOffset(FromUtc(instant), Zone.GetUtcOffset(instant)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    /// <summary>The Amsterdam day an instant falls on.</summary>
    public static DateOnly Day(DateTime utc) => DateOnly.FromDateTime(FromUtc(utc));

    /// <summary>The first moment of an Amsterdam day, in UTC.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);

    /// <summary>The heading of an export column that holds times.</summary>
    public const string ZoneLabel = "tijd Amsterdam";

    private static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
