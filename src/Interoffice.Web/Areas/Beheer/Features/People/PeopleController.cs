using System.Text.Json;
using Interoffice.Web.Features.Contact;
using Interoffice.Web.Features.Newsletter;
using Interoffice.Web.Features.Staff;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Areas.Beheer.Features.People;

/// <summary>
/// Everything stored about one e-mail address, for requests under the privacy statement: look it up, hand it over
/// as JSON (portability), or erase it. The audit log names references only, so an erasure leaves no address behind.
/// </summary>
[Area(StaffExtensions.Area)]
public sealed class PeopleController(SiteDbContext db, AuditLog audit, SubmissionDeletion deletion, SubscriberRecords newsletter, TimeProvider time) : Controller
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    // The address is looked up by a form post and travels only in post bodies: never in an address, a link or a
    // redirect, where it would end up in logs, browser history and Referer headers.
    [HttpGet("/beheer/persoon")]
    public IActionResult Index() => View(PersonModel.None);

    [HttpPost("/beheer/persoon")]
    public async Task<IActionResult> Lookup([FromForm] string? email, CancellationToken cancellationToken)
    {
        var person = await FindAsync(email, cancellationToken);
        if (person.HoldsAnything)
        {
            await audit.WriteAsync(AuditAction.ViewPerson, References(person), cancellationToken: cancellationToken);
        }

        return View("Index", person);
    }

    [HttpPost("/beheer/persoon/export.json")]
    public async Task<IActionResult> Export([FromForm] string? email, CancellationToken cancellationToken)
    {
        var person = await FindAsync(email, cancellationToken);
        if (person.Email is null)
        {
            return Redirect("/beheer/persoon");
        }

        await audit.WriteAsync(AuditAction.ExportPerson, References(person), cancellationToken: cancellationToken);
        var export = new
        {
            emailAddress = person.Email,
            exportedAt = DutchTime.Iso(time.GetUtcNow().UtcDateTime),
            controller = "Interoffice Document Solutions B.V., M.J. van Olmstraat 13, 9672 AE Winschoten, KvK 59806249",
            contactSubmissions = person.Submissions.Select(s => new
            {
                reference = s.Reference,
                receivedAt = DutchTime.Iso(s.ReceivedAt),
                name = s.Name,
                email = s.Email,
                phone = s.Phone,
                subject = s.Kind.Label(),
                message = s.Message,
                status = s.Status.Label(),
                handledAt = s.HandledAt is { } handled ? DutchTime.Iso(handled) : null,
            }),
            notificationMails = person.Mails.Select(m => new { createdAt = DutchTime.Iso(m.CreatedAt), sentAt = m.SentAt is { } sent ? DutchTime.Iso(sent) : null, to = m.To, subject = m.Subject, body = m.TextBody }),
            newsletter = NewsletterExport.Of(person.Newsletter),
        };
        return File(JsonSerializer.SerializeToUtf8Bytes(export, Indented), "application/json", $"persoonsgegevens-{time.GetUtcNow():yyyyMMdd}.json");
    }

    [HttpPost("/beheer/persoon/wissen/bevestigen")]
    public async Task<IActionResult> ConfirmErase([FromForm] string? email, CancellationToken cancellationToken) =>
        View(await FindAsync(email, cancellationToken));

    [HttpPost("/beheer/persoon/wissen")]
    public async Task<IActionResult> Erase([FromForm] string? email, CancellationToken cancellationToken)
    {
        var person = await FindAsync(email, cancellationToken);
        if (person.Email is null || !person.HoldsAnything)
        {
            return Redirect("/beheer/persoon");
        }

        // One transaction: the submissions with their mails, the newsletter's part, and the audit entry; the mail files last.
        var ids = person.Submissions.Select(s => s.Id).ToList();
        await db.DeleteInTransactionAsync(
            token => deletion.DeleteInTransactionAsync(
                s => ids.Contains(s.Id),
                t => newsletter.EraseAsync(person.Email, t2 => audit.WriteAsync(AuditAction.ErasePerson, References(person), cancellationToken: t2), t),
                token),
            cancellationToken);
        var mailed = person.Mailed();
        TempData["Melding"] = $"Alle gegevens bij dit e-mailadres zijn gewist ({person.Submissions.Count} berichten{(person.Newsletter?.HoldsAnything == true ? ", de nieuwsbrief" : "")})."
            + (mailed.Count == 0 ? "" : $" Verwijder ook de meldingen in de mailbox van {string.Join(" en ", mailed.Select(m => m.To).Distinct())} (onderwerp met {string.Join(", ", mailed.Select(m => m.Reference))}).");
        return Redirect("/beheer/persoon");
    }

    private async Task<PersonModel> FindAsync(string? email, CancellationToken cancellationToken)
    {
        var address = email?.Trim();
        if (string.IsNullOrEmpty(address))
        {
            return PersonModel.None;
        }

        var submissions = await PersonQueries.Submissions(db, address).ToListAsync(cancellationToken);
        var mails = await PersonQueries.Mails(db, [.. submissions.Select(s => s.Id)]).ToListAsync(cancellationToken);
        return new PersonModel(address, submissions, mails, await newsletter.FindAsync(address, cancellationToken));
    }

    // References and "nieuwsbrief", never the address: the entry outlives an erasure.
    private static string References(PersonModel person) =>
        (person.Submissions.Count == 0 ? "geen berichten" : string.Join(", ", person.Submissions.Select(s => s.Reference)))
        + (person.Newsletter?.HoldsAnything == true ? ", nieuwsbrief" : "");
}
