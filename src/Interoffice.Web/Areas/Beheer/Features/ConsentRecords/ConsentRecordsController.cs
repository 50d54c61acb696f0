using System.Globalization;
using System.Text;
using Interoffice.Web.Areas.Beheer.Features.Inbox;
using Interoffice.Web.Features.Consent;
using Interoffice.Web.Features.Staff;
using Interoffice.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Areas.Beheer.Features.ConsentRecords;

public sealed record ConsentRecordsModel(string? ConsentId, IReadOnlyList<ConsentRecord> Records, DateOnly From, DateOnly To);

/// <summary>The proof of consent: one visitor's choices by the consent id shown on /cookies, or all choices of a period as CSV.</summary>
[Area(StaffExtensions.Area)]
public sealed class ConsentRecordsController(SiteDbContext db, AuditLog audit, TimeProvider time) : Controller
{
    [HttpGet("/beheer/toestemmingen")]
    public async Task<IActionResult> Index([FromQuery(Name = "id")] string? consentId, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var id = consentId?.Trim();
        var records = string.IsNullOrEmpty(id)
            ? []
            : await db.Set<ConsentRecord>().AsNoTracking().Where(r => r.ConsentId == id).OrderBy(r => r.RecordedAt).ToListAsync(cancellationToken);
        if (!string.IsNullOrEmpty(id))
        {
            await audit.WriteAsync(AuditAction.ViewConsent, id, cancellationToken: cancellationToken);
        }

        return View(new ConsentRecordsModel(id, records, today.AddMonths(-1), today));
    }

    [HttpGet("/beheer/toestemmingen/export.csv")]
    public async Task<IActionResult> Export([FromQuery(Name = "van")] DateOnly from, [FromQuery(Name = "tot")] DateOnly to, CancellationToken cancellationToken)
    {
        var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var records = await db.Set<ConsentRecord>().AsNoTracking().Where(r => r.RecordedAt >= start && r.RecordedAt < end).OrderBy(r => r.RecordedAt).ToListAsync(cancellationToken);
        await audit.WriteAsync(AuditAction.ExportConsent, $"{from:yyyy-MM-dd} t/m {to:yyyy-MM-dd}: {records.Count} keuzes", cancellationToken: cancellationToken);
        var csv = new StringBuilder();
        Csv.AppendRow(csv, ["Keuzenummer", "Tijdstip (UTC)", "Beleidsversie", "Hoe", "Analytisch", "Tracking", "Social media", "Advertenties", "Global Privacy Control", "Browser"]);
        foreach (var r in records)
        {
            Csv.AppendRow(csv,
            [
                r.ConsentId, r.RecordedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), r.PolicyVersion, r.Method.ToString(),
                Answer(r.Analytics), Answer(r.Tracking), Answer(r.Social), Answer(r.Advertising), r.GlobalPrivacyControl ? "ja" : "nee", r.BrowserFamily,
            ]);
        }

        return File(Csv.Encode(csv), "text/csv; charset=utf-8", $"toestemmingen-{from:yyyyMMdd}-{to:yyyyMMdd}.csv");
    }

    public static string Answer(bool? granted) => granted switch
    {
        true => "toegestaan",
        false => "geweigerd",
        null => "niet gevraagd",
    };
}
