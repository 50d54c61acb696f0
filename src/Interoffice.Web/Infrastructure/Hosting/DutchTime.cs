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
