using System.Text;
using Interoffice.Web.Features.Contact;
using Interoffice.Web.Features.Shared;
using Interoffice.Web.Features.Staff;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Email;
using Interoffice.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Areas.Beheer.Features.Inbox;

[Area(StaffExtensions.Area)]
public sealed class InboxController(SiteDbContext db, AuditLog audit, SubmissionDeletion deletion, Outbox outbox, TimeProvider time) : Controller
{
    [HttpGet("/beheer")]
    public Task<IActionResult> Index(InboxFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);

        // A search only ever comes in a form post; one in an address (typed or old) is not carried out.
        filter.Search = null;
        return ListAsync(filter, cancellationToken);
    }

    [HttpPost("/beheer")]
    public Task<IActionResult> Search(InboxFilter filter, CancellationToken cancellationToken) => ListAsync(filter, cancellationToken);

    private async Task<IActionResult> ListAsync(InboxFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var total = await InboxQueries.Filtered(db, filter).CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + InboxQueries.PageSize - 1) / InboxQueries.PageSize);
        var page = Math.Clamp(filter.Page, 1, pages);
        var now = Now();
        var onPage = InboxQueries.Page(db, filter, now, page);
        var submissions = await onPage.ToListAsync(cancellationToken);
        var mails = await InboxQueries.MailStates(db, onPage).ToDictionaryAsync(p => p.Key, p => p.Value, cancellationToken);
        if (filter.HasSearch)
        {
            // That a search happened and how much it found; the words searched for may be personal data and stay out.
            await audit.WriteAsync(AuditAction.SearchSubmissions, $"{total} gevonden", cancellationToken: cancellationToken);
        }

        return View("Index", new InboxPage(filter, [.. submissions.Select(s => new InboxRow(s, MailStates.Of(mails, s.Id), s.IsOverdue(now)))], total, page, pages));
    }

    /// <summary>The filtered list as CSV: a link without a search, a form post with one.</summary>
    [HttpGet("/beheer/berichten/export.csv")]
    [HttpPost("/beheer/berichten/export.csv")]
    public async Task<IActionResult> Export(InboxFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (HttpMethods.IsGet(Request.Method))
        {
            filter.Search = null;
        }

        var now = Now();
        var filtered = InboxQueries.Filtered(db, filter);
        var rows = await InboxQueries.Ordered(filtered, now).ToListAsync(cancellationToken);
        var mails = await InboxQueries.MailStates(db, filtered).ToDictionaryAsync(p => p.Key, p => p.Value, cancellationToken);
        await audit.WriteAsync(AuditAction.ExportSubmissions, $"{rows.Count} berichten{filter.AuditDescription()}", cancellationToken: cancellationToken);
        var csv = new StringBuilder();
        Csv.AppendRow(csv, ["Referentie", $"Ontvangen ({DutchTime.ZoneLabel})", "Onderwerp", "Naam", "E-mailadres", "Telefoon", "Status", "Behandeld door", $"Behandeld op ({DutchTime.ZoneLabel})", "Melding aan medewerkers", "Bericht"]);
        foreach (var s in rows)
        {
            Csv.AppendRow(csv,
            [
                s.Reference, DutchTime.Cell(s.ReceivedAt), s.Kind.Label(), s.Name, s.Email, s.Phone ?? "",
                s.Status.Label(), s.HandledBy ?? "",
                (s.HandledAt is { } handled ? DutchTime.Cell(handled) : ""), MailStates.Of(mails, s.Id).Label(), s.Message,
            ]);
        }

        return File(Csv.Encode(csv), "text/csv; charset=utf-8", $"berichten-{now:yyyyMMdd-HHmm}.csv");
    }

    [HttpGet("/beheer/berichten/{id:guid}")]
    public async Task<IActionResult> Detail(Guid id, CancellationToken cancellationToken)
    {
        var submission = await InboxQueries.One(db, id).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (submission is null)
        {
            return NotFound();
        }

        await audit.WriteAsync(AuditAction.ViewSubmission, submission.Reference, cancellationToken: cancellationToken);
        return View(await DetailAsync(submission, cancellationToken));
    }

    [HttpPost("/beheer/berichten/{id:guid}/status")]
    public async Task<IActionResult> SetStatus(Guid id, [FromForm] SubmissionStatus status, CancellationToken cancellationToken)
    {
        var submission = await InboxQueries.One(db, id).FirstOrDefaultAsync(cancellationToken);
        if (submission is null)
        {
            return NotFound();
        }

        if (status == SubmissionStatus.Handled)
        {
            submission.MarkHandled(User.Identity?.Name, Now());
        }
        else
        {
            submission.Reopen();
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(status == SubmissionStatus.Handled ? AuditAction.MarkHandled : AuditAction.MarkNew, submission.Reference, cancellationToken: cancellationToken);
        return Redirect($"/beheer/berichten/{id}");
    }

    [HttpPost("/beheer/berichten/{id:guid}/melding")]
    public async Task<IActionResult> Resend(Guid id, CancellationToken cancellationToken)
    {
        var submission = await InboxQueries.One(db, id).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        var message = await OutboxQueries.Latest(db, id).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (submission is null || message is null)
        {
            return NotFound();
        }

        if (await outbox.ResendAsync(message.Id, cancellationToken))
        {
            await audit.WriteAsync(AuditAction.ResendNotification, submission.Reference, cancellationToken: cancellationToken);
        }

        return Redirect($"/beheer/berichten/{id}");
    }

    [HttpGet("/beheer/berichten/{id:guid}/verwijderen")]
    public async Task<IActionResult> ConfirmDelete(Guid id, CancellationToken cancellationToken)
    {
        var submission = await InboxQueries.One(db, id).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return submission is null ? NotFound() : View(await DetailAsync(submission, cancellationToken));
    }

    [HttpPost("/beheer/berichten/{id:guid}/verwijderen")]
    public async Task<IActionResult> Delete(Guid id, CancellationToken cancellationToken)
    {
        var submission = await InboxQueries.One(db, id).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (submission is null)
        {
            return NotFound();
        }

        if (submission.IsHeld(Now()))
        {
            TempData["Melding"] = $"Bericht {submission.Reference} wordt bewaard voor de administratie en is niet verwijderd. Hef dat eerst op.";
            return Redirect($"/beheer/berichten/{id}");
        }

        await deletion.DeleteAsync(s => s.Id == id, token => audit.WriteAsync(AuditAction.DeleteSubmission, submission.Reference, cancellationToken: token), cancellationToken);
        TempData["Melding"] = $"Bericht {submission.Reference} is verwijderd.";
        return Redirect("/beheer");
    }

    private async Task<SubmissionDetail> DetailAsync(ContactSubmission submission, CancellationToken cancellationToken) =>
        new(submission, submission.IsOverdue(Now()), await OutboxQueries.Latest(db, submission.Id).AsNoTracking().FirstOrDefaultAsync(cancellationToken));

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
