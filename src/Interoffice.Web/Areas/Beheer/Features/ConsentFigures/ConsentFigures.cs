using System.Globalization;
using Interoffice.Web.Features.Consent;
using Interoffice.Web.Infrastructure.Hosting;

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

/// <summary>Counts of a group of choices: how they were made, with GPC, and per category how often it was offered and granted.</summary>
public sealed class Tally
{
    private readonly int[] methods = new int[Enum.GetValues<ConsentMethod>().Length];
    private readonly int[] offered = new int[ConsentCategories.All.Count];
    private readonly int[] granted = new int[ConsentCategories.All.Count];

    public int Choices { get; private set; }

    /// <summary>Choices made with the browser's Global Privacy Control signal, whatever the method.</summary>
    public int WithGpc { get; private set; }

    public int Count(ConsentMethod method) => methods[(int)method];

    /// <summary>Choices in which the category was offered (the record holds true or false, not null).</summary>
    public int Offered(ConsentCategory category) => offered[(int)category];

    public int Granted(ConsentCategory category) => granted[(int)category];

    /// <summary>Granted out of offered; null when the category was not offered at all.</summary>
    public double? Share(ConsentCategory category) => Offered(category) == 0 ? null : (double)Granted(category) / Offered(category);

    public void Add(FigureRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        Choices++;
        methods[(int)row.Method]++;
        if (row.GlobalPrivacyControl)
        {
            WithGpc++;
        }

        foreach (var category in ConsentCategories.Optional)
        {
            if (row.Answer(category) is { } answer)
            {
                offered[(int)category]++;
                if (answer)
                {
                    granted[(int)category]++;
                }
            }
        }
    }
}

/// <summary>One ISO week of Amsterdam dates, e.g. "week 48 (2026)".</summary>
public readonly record struct IsoWeek(int Year, int Week)
{
    public static IsoWeek Of(DateOnly date) => new(ISOWeek.GetYear(date.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeekOfYear(date.ToDateTime(TimeOnly.MinValue)));

    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    public string Label => string.Create(DutchTime.Culture, $"week {Week} ({Year})");

    /// <summary>As spreadsheets and ISO 8601 write it: 2026-W48.</summary>
    public string Code => string.Create(CultureInfo.InvariantCulture, $"{Year}-W{Week:00}");
}

public sealed record WeekFigures(IsoWeek Week, Tally Tally);

public sealed record VersionFigures(string Version, DateTime FirstAt, DateTime LastAt, Tally Tally);

/// <summary>The finest grain, as the CSV holds it: one week and one policy version (null for a week without choices).</summary>
public sealed record WeekVersionFigures(IsoWeek Week, string? Version, Tally Tally);

/// <summary>The consent log of a period, counted: per week, per policy version, per both, and in total.</summary>
public sealed class ConsentFigures
{
    private ConsentFigures(FiguresPeriod period, IReadOnlyList<WeekFigures> weeks, IReadOnlyList<VersionFigures> versions, IReadOnlyList<WeekVersionFigures> cells, Tally total)
    {
        Period = period;
        Weeks = weeks;
        Versions = versions;
        Cells = cells;
        Total = total;
    }

    public FiguresPeriod Period { get; }

    /// <summary>Every week the period touches, in order, also those without choices.</summary>
    public IReadOnlyList<WeekFigures> Weeks { get; }

    /// <summary>The policy versions choices were made against, in the order they first appear.</summary>
    public IReadOnlyList<VersionFigures> Versions { get; }

    public IReadOnlyList<WeekVersionFigures> Cells { get; }

    public Tally Total { get; }

    /// <summary>Counts the rows of the period; a row's week is the ISO week of its date in Amsterdam.</summary>
    public static ConsentFigures Compute(FiguresPeriod period, IEnumerable<FigureRow> rows)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(rows);
        var weeks = new List<WeekFigures>();
        for (var monday = IsoWeek.Of(period.From).Monday; monday <= period.To; monday = monday.AddDays(7))
        {
            weeks.Add(new WeekFigures(IsoWeek.Of(monday), new Tally()));
        }

        var byWeek = weeks.ToDictionary(w => w.Week);
        var versions = new Dictionary<string, (DateTime First, DateTime Last, Tally Tally)>(StringComparer.Ordinal);
        var cells = new Dictionary<(IsoWeek, string), Tally>();
        var total = new Tally();
        foreach (var row in rows.OrderBy(r => r.RecordedAt))
        {
            var week = IsoWeek.Of(DateOnly.FromDateTime(DutchTime.FromUtc(row.RecordedAt)));
            if (!byWeek.TryGetValue(week, out var weekFigures))
            {
                continue;
            }

            weekFigures.Tally.Add(row);
            total.Add(row);
            if (!versions.TryGetValue(row.PolicyVersion, out var version))
            {
                version = (row.RecordedAt, row.RecordedAt, new Tally());
            }

            version.Tally.Add(row);
            versions[row.PolicyVersion] = (version.First, row.RecordedAt, version.Tally);
            if (!cells.TryGetValue((week, row.PolicyVersion), out var cell))
            {
                cells[(week, row.PolicyVersion)] = cell = new Tally();
            }

            cell.Add(row);
        }

        var perVersion = versions.OrderBy(v => v.Value.First).Select(v => new VersionFigures(v.Key, v.Value.First, v.Value.Last, v.Value.Tally)).ToList();
        var order = perVersion.Select((v, i) => (v.Version, i)).ToDictionary(v => v.Version, v => v.i, StringComparer.Ordinal);
        var perCell = weeks.SelectMany(w =>
        {
            var inWeek = cells.Where(c => c.Key.Item1 == w.Week).OrderBy(c => order[c.Key.Item2]).Select(c => new WeekVersionFigures(w.Week, c.Key.Item2, c.Value)).ToList();
            return inWeek.Count > 0 ? inWeek : [new WeekVersionFigures(w.Week, null, w.Tally)];
        }).ToList();
        return new ConsentFigures(period, weeks, perVersion, perCell, total);
    }
}

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

/// <summary>How the figures read: whole percentages ("62%") and Dutch numbers.</summary>
public static class FigureText
{
    /// <summary>A share as a whole percentage, "62%"; "–" for a category that was not offered.</summary>
    public static string Percent(double? share) =>
        share is { } value ? Math.Round(value * 100, MidpointRounding.AwayFromZero).ToString("0", DutchTime.Culture) + "%" : "–";

    public static string Number(int value) => value.ToString("N0", DutchTime.Culture);

    /// <summary>Policy versions may be a 64-character hash: shown by their first 12 characters.</summary>
    public static string ShortVersion(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return version.Length > 16 ? version[..12] + "…" : version;
    }
}
