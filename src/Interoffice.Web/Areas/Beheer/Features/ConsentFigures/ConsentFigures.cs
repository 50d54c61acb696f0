using Interoffice.Web.Infrastructure.Hosting;

namespace Interoffice.Web.Areas.Beheer.Features.ConsentFigures;

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
            var week = IsoWeek.Of(DutchTime.Day(row.RecordedAt));
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
