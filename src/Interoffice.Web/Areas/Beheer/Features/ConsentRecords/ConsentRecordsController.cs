using System.Text;
using System.Text.Json;
using Interoffice.Web.Areas.Beheer.Features.Shared;
using Interoffice.Web.Features.Consent;
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
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [HttpGet("/beheer/toestemmingen")]
    public Task<IActionResult> Index(CancellationToken cancellationToken) => Show(null, cancellationToken);

    /// <summary>A consent id identifies a visitor's browser: it is looked up by a post, never carried in the address.</summary>
    [HttpPost("/beheer/toestemmingen")]
    public Task<IActionResult> LookUp([FromForm] string? consentId, CancellationToken cancellationToken) =>
        Show(consentId ?? "", cancellationToken);

    private async Task<IActionResult> Show(string? consentId, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(DutchTime.FromUtc(time.GetUtcNow().UtcDateTime));
        var id = Normalize(consentId);
        var records = id is null ? [] : await RecordsOfAsync(id, cancellationToken);
        if (id is not null)
        {
            await audit.WriteAsync(AuditAction.ViewConsent, id, cancellationToken: cancellationToken);
        }

        var snapshots = await SnapshotsOfAsync(records, cancellationToken);
        var verdict = await verifier.VerifyAsync(cancellationToken);
        return View("Index", new ConsentRecordsModel(consentId is null ? null : id ?? consentId.Trim(), records, snapshots.ToDictionary(s => s.Hash, StringComparer.Ordinal), verdict, today.AddMonths(-1), today));
    }

    /// <summary>
    /// The evidence file for one consent id: every record with the exact text its hash covers and the link to the
    /// record after it, the snapshots they were made under (their exact content), and the verdict on the whole log.
    /// </summary>
    [HttpPost("/beheer/toestemmingen/bewijs")]
    public async Task<IActionResult> Evidence([FromForm] string? consentId, CancellationToken cancellationToken)
    {
        if (Normalize(consentId) is not { } id)
        {
            return RedirectToAction(nameof(Index));
        }

        var records = await RecordsOfAsync(id, cancellationToken);
        if (records.Count == 0)
        {
            return NotFound();
        }

        var hashes = records.Where(r => r.Hash != null).Select(r => r.Hash!).ToList();
        var versions = records.Select(r => r.PolicyVersion).Distinct().ToList();
        var successors = await ConsentQueries.Following(db, hashes)
            .Select(r => new { r.Id, r.PreviousHash, r.Hash })
            .ToListAsync(cancellationToken);
        var snapshots = await ConsentQueries.Snapshots(db, versions).ToListAsync(cancellationToken);
        var verdict = await verifier.VerifyAsync(cancellationToken);
        await audit.WriteAsync(AuditAction.ConsentEvidence, id, cancellationToken: cancellationToken);

        var evidence = new
        {
            consentId = id,
            madeAt = DutchTime.Iso(time.GetUtcNow().UtcDateTime),
            explanation = "Bewijs van cookietoestemming van Interoffice Document Solutions B.V. Elke keuze (records) bevat de exacte tekst "
                + "(hashInput) waarvan 'hash' de SHA-256 is (UTF-8); het tweede veld daarvan is 'previousHash', de hash van de keuze ervoor in het "
                + "log. 'nextRecord' is de keuze erna, die naar deze keuze wijst. 'policyVersion' is de SHA-256 van de momentopname (snapshots, "
                + "veld 'content', exact zoals opgeslagen) van wat de bezoeker te zien kreeg: categorieën, diensten, cookies, teksten en de "
                + "privacyverklaring (versie en SHA-256). 'chain' is het oordeel over het hele log op het moment van downloaden.",
            chain = new
            {
                intact = verdict.Intact,
                verdict = verdict.Describe(),
                records = verdict.Records,
                lastHash = verdict.Head,
                removedByRetention = verdict.RemovedByRetention,
            },
            records = records.Select(r => new
            {
                id = r.Id,
                recordedAt = DutchTime.Iso(r.RecordedAt),
                policyVersion = r.PolicyVersion,
                method = r.Method.ToString(),
                methodLabel = r.Method.Label(),
                analytics = r.Analytics,
                tracking = r.Tracking,
                social = r.Social,
                advertising = r.Advertising,
                globalPrivacyControl = r.GlobalPrivacyControl,
                browserFamily = r.BrowserFamily,
                previousHash = r.PreviousHash,
                hash = r.Hash,
                // A record without its seal is a break the verdict names; there is no input of a hash to rebuild.
                hashInput = r.PreviousHash is null ? null : ConsentChain.HashInput(r, r.PreviousHash),
                nextRecord = successors.Where(s => s.PreviousHash == r.Hash).Select(s => new { id = s.Id, previousHash = s.PreviousHash, hash = s.Hash }).FirstOrDefault(),
            }),
            snapshots = snapshots.Select(s => new { hash = s.Hash, firstServedAt = DutchTime.Iso(s.FirstServedAt), content = s.Content }),
        };
        return File(JsonSerializer.SerializeToUtf8Bytes(evidence, Indented), "application/json", $"toestemmingsbewijs-{id}.json");
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
