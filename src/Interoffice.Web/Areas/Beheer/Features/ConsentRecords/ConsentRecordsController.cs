using System.Text;
using System.Text.Json;
using Interoffice.Web.Features.Consent;
using Interoffice.Web.Features.Shared;
using Interoffice.Web.Features.Staff;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Areas.Beheer.Features.ConsentRecords;

/// <summary>
/// The proof of consent: the log's verdict, one visitor's choices by the consent id shown on /cookies with what they
/// were shown, the evidence file for that id, and all choices of a period as CSV.
/// </summary>
[Area(StaffExtensions.Area)]
public sealed class ConsentRecordsController(SiteDbContext db, ConsentLogVerifier verifier, AuditLog audit, TimeProvider time) : Controller
{
    [HttpGet("/beheer/toestemmingen")]
    public Task<IActionResult> Index(CancellationToken cancellationToken) => Show(null, cancellationToken);

    /// <summary>A consent id identifies a visitor's browser: it is looked up by a post, never carried in the address.</summary>
    [HttpPost("/beheer/toestemmingen")]
    public Task<IActionResult> LookUp([FromForm] string? consentId, CancellationToken cancellationToken) =>
        Show(consentId ?? "", cancellationToken);

    private async Task<IActionResult> Show(string? consentId, CancellationToken cancellationToken)
    {
        var today = DutchTime.Day(time.GetUtcNow().UtcDateTime);
        var id = Normalize(consentId);
        var records = id is null ? [] : await RecordsOfAsync(id, cancellationToken);
        if (id is not null)
        {
            await audit.WriteAsync(AuditAction.ViewConsent, ConsentAuditTarget.Of([.. records.Select(r => r.Id)]), cancellationToken: cancellationToken);
        }

        var snapshots = await SnapshotsOfAsync(records, cancellationToken);
        var verdict = await verifier.VerifyAsync(cancellationToken);
        return View("Index", new ConsentRecordsModel(consentId is null ? null : id ?? consentId.Trim(), records, snapshots.ToDictionary(s => s.Hash, StringComparer.Ordinal), verdict, today.AddMonths(-1), today));
    }

    /// <summary>
    /// The evidence file for one consent id: every record with the exact texts its hashes cover, its path to a signed
    /// head with that head's signature, the snapshots and the public keys; a third party checks it offline.
    /// </summary>
    [HttpPost("/beheer/toestemmingen/bewijs")]
    public async Task<IActionResult> Evidence([FromForm] string? consentId, [FromServices] ConsentEvidenceFiles files, CancellationToken cancellationToken)
    {
        if (Normalize(consentId) is not { } id)
        {
            return RedirectToAction(nameof(Index));
        }

        if (await files.BuildAsync(id, cancellationToken) is not { } evidence)
        {
            return NotFound();
        }

        await audit.WriteAsync(AuditAction.ConsentEvidence, ConsentAuditTarget.Of([.. evidence.Records.Select(r => r.Id)]), cancellationToken: cancellationToken);
        return File(evidence.ToUtf8Json(), "application/json", $"toestemmingsbewijs-{id}.json");
    }

    [HttpGet("/beheer/toestemmingen/export.csv")]
    public async Task<IActionResult> Export([FromQuery(Name = "van")] DateOnly from, [FromQuery(Name = "tot")] DateOnly to, CancellationToken cancellationToken)
    {
        // The days staff chose are Amsterdam days.
        var start = DutchTime.StartOfDayUtc(from);
        var end = DutchTime.StartOfDayUtc(to.AddDays(1));
        var records = await ConsentQueries.RecordedBetween(db, start, end).ToListAsync(cancellationToken);
        await audit.WriteAsync(AuditAction.ExportConsent, $"{from:yyyy-MM-dd} t/m {to:yyyy-MM-dd}: {records.Count} keuzes", cancellationToken: cancellationToken);
        var csv = new StringBuilder();
        Csv.AppendRow(csv, ["Keuzenummer", $"Tijdstip ({DutchTime.ZoneLabel})", "Beleidsversie", "Hoe", "Analytisch", "Tracking", "Social media", "Advertenties", "Global Privacy Control", "Browser", "Hash"]);
        foreach (var r in records)
        {
            Csv.AppendRow(csv,
            [
                r.ConsentId, DutchTime.Cell(r.RecordedAt, seconds: true), r.PolicyVersion, r.Method.Label(),
                Answer(r.Analytics), Answer(r.Tracking), Answer(r.Social), Answer(r.Advertising), r.GlobalPrivacyControl ? "ja" : "nee", r.BrowserFamily, r.Hash ?? "",
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

    // Consent ids are stored in lower case: an id typed in capitals is found on SQLite as on SQL Server.
    private static string? Normalize(string? consentId) => consentId?.Trim() is { Length: > 0 and <= 36 } id ? id.ToLowerInvariant() : null;

    private Task<List<ConsentRecord>> RecordsOfAsync(string id, CancellationToken cancellationToken) =>
        ConsentQueries.Of(db, id).ToListAsync(cancellationToken);

    private async Task<List<ShownSnapshot>> SnapshotsOfAsync(IReadOnlyList<ConsentRecord> records, CancellationToken cancellationToken)
    {
        var versions = records.Select(r => r.PolicyVersion).Distinct().ToList();
        var stored = versions.Count == 0 ? [] : await ConsentQueries.Snapshots(db, versions).ToListAsync(cancellationToken);
        return [.. stored.Select(s => new ShownSnapshot(s.Hash, s.FirstServedAt, PolicySnapshot.FromJson(s.Content), PolicySnapshot.HashOf(s.Content) == s.Hash))];
    }
}
