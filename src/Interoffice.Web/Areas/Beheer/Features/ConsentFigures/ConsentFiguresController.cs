using System.Text;
using Interoffice.Web.Features.Consent;
using Interoffice.Web.Features.Privacy;
using Interoffice.Web.Features.Shared;
using Interoffice.Web.Features.Staff;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Areas.Beheer.Features.ConsentFigures;

/// <summary>
/// "Toestemmingen in cijfers": the consent log of a period counted per week and per policy version, as charts, tables and
/// CSV; computed from the log alone, nothing new is stored. Beside it, whether the privacy statement still names the
/// parties the site uses. The period (dates, no personal data) travels in the address.
/// </summary>
[Area(StaffExtensions.Area)]
public sealed class ConsentFiguresController(SiteDbContext db, AuditLog audit, EnabledServices services, PrivacyStatementProvider statement, TimeProvider time) : Controller
{
    [HttpGet("/beheer/toestemmingen/cijfers")]
    public async Task<IActionResult> Index([FromQuery(Name = "van")] string? from, [FromQuery(Name = "tot")] string? to, CancellationToken cancellationToken)
    {
        var input = PeriodInput.Read(from, to, Today());
        if (input.Period is null)
        {
            return Refused(input);
        }

        var figures = await CountAsync(input.Period, cancellationToken);
        var versions = figures.Versions.Select(v => v.Version).ToList();
        var stored = await ConsentQueries.Snapshots(db, versions).ToListAsync(cancellationToken);
        var snapshots = stored.Select(s => (s.Hash, Content: PolicySnapshot.FromJson(s.Content)))
            .Where(s => s.Content is not null)
            .ToDictionary(s => s.Hash, s => s.Content!, StringComparer.Ordinal);
        return View(Page(input, figures, snapshots));
    }

    [HttpGet("/beheer/toestemmingen/cijfers.csv")]
    public async Task<IActionResult> Export([FromQuery(Name = "van")] string? from, [FromQuery(Name = "tot")] string? to, CancellationToken cancellationToken)
    {
        var input = PeriodInput.Read(from, to, Today());
        if (input.Period is not { } period)
        {
            return Refused(input);
        }

        var figures = await CountAsync(period, cancellationToken);
        await audit.WriteAsync(AuditAction.ExportConsentFigures, $"{period.From:yyyy-MM-dd} t/m {period.To:yyyy-MM-dd}: {figures.Total.Choices} keuzes", cancellationToken: cancellationToken);
        var csv = new StringBuilder();
        Csv.AppendRow(csv,
        [
            "Week", "Weekbegin", "Beleidsversie", "Keuzes", .. Charts.MethodColours.Select(m => m.Method.Heading()), "Met GPC",
            .. ConsentCategories.Optional.SelectMany(c => new[] { $"{c.Info().Label} aangeboden", $"{c.Info().Label} toegestaan", $"{c.Info().Label} aandeel" }),
        ]);
        foreach (var cell in figures.Cells)
        {
            var t = cell.Tally;
            Csv.AppendRow(csv,
            [
                cell.Week.Code, cell.Week.Monday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), cell.Version ?? "", Count(t.Choices),
                .. Charts.MethodColours.Select(m => Count(t.Count(m.Method))), Count(t.WithGpc),
                .. ConsentCategories.Optional.SelectMany(c => new[] { Count(t.Offered(c)), Count(t.Granted(c)), FigureText.Percent(t.Share(c)) }),
            ]);
        }

        return File(Csv.Encode(csv), "text/csv; charset=utf-8", $"toestemmingen-cijfers-{period.From:yyyyMMdd}-{period.To:yyyyMMdd}.csv");
    }

    private async Task<ConsentFigures> CountAsync(FiguresPeriod period, CancellationToken cancellationToken)
    {
        var rows = await FigureRow.Of(db, period).ToListAsync(cancellationToken);
        return ConsentFigures.Compute(period, rows);
    }

    private ViewResult Refused(PeriodInput input)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Index", Page(input, null, new Dictionary<string, PolicySnapshot>()));
    }

    private ConsentFiguresPage Page(PeriodInput input, ConsentFigures? figures, IReadOnlyDictionary<string, PolicySnapshot> snapshots)
    {
        var current = statement.Current;
        return new ConsentFiguresPage(input, figures, StatementCheck.Compare(current.ThirdParties, services.All.Select(s => s.Service)), current, snapshots);
    }

    private DateOnly Today() => DutchTime.Day(time.GetUtcNow().UtcDateTime);

    // Plain digits: a spreadsheet reads them as numbers.
    private static string Count(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
