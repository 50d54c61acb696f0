using System.Globalization;
using Interoffice.Web.Infrastructure.Hosting;

namespace Interoffice.Web.Areas.Beheer.Features.ConsentFigures;

/// <summary>The period as typed into the filter (kept as typed, to show it again), and what is wrong with it if anything.</summary>
public sealed record PeriodInput(string? From, string? To, FiguresPeriod? Period, string? Error)
{
    /// <summary>Reads van/tot (yyyy-mm-dd, as a date field sends them); an empty field takes the default of the last 12 weeks.</summary>
    public static PeriodInput Read(string? from, string? to, DateOnly today)
    {
        from = from?.Trim();
        to = to?.Trim();
        DateOnly? start = null, end = null;
        if (!string.IsNullOrEmpty(from))
        {
            if (!TryParse(from, out var parsed))
            {
                return new PeriodInput(from, to, null, "De datum bij ‘Van’ is geen geldige datum. Kies een datum in de kalender of typ hem als dag-maand-jaar.");
            }

            start = parsed;
        }

        if (!string.IsNullOrEmpty(to))
        {
            if (!TryParse(to, out var parsed))
            {
                return new PeriodInput(from, to, null, "De datum bij ‘Tot en met’ is geen geldige datum. Kies een datum in de kalender of typ hem als dag-maand-jaar.");
            }

            end = parsed;
        }

        var last = end ?? today;
        var first = start ?? FiguresPeriod.LastTwelveWeeks(last).From;
        var error = first > last
            ? $"De periode loopt achteruit: ‘Van’ ({Dutch(first)}) ligt na ‘Tot en met’ ({Dutch(last)}). Kies een begindatum die vóór de einddatum ligt."
            : first < FiguresPeriod.Earliest || last > today.AddYears(1)
                ? $"Kies datums tussen {Dutch(FiguresPeriod.Earliest)} en {Dutch(today.AddYears(1))}."
                : last > first.AddYears(FiguresPeriod.MaxYears)
                    ? $"Die periode is te lang: kies hoogstens {FiguresPeriod.MaxYears} jaar, zodat de grafiek leesbaar blijft."
                    : null;
        return error is null
            ? new PeriodInput(first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), new FiguresPeriod(first, last), null)
            : new PeriodInput(from, to, null, error);
    }

    private static bool TryParse(string value, out DateOnly date) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
        || DateOnly.TryParseExact(value, ["d-M-yyyy", "d/M/yyyy"], DutchTime.Culture, DateTimeStyles.None, out date);

    private static string Dutch(DateOnly date) => date.ToString("d MMMM yyyy", DutchTime.Culture);
}
