using System.Text;
using Interoffice.Web.Areas.Beheer.Features.Shared;
using Interoffice.Web.Features.Contact;
using Interoffice.Web.Features.Staff;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Email;
using Interoffice.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Areas.Beheer.Features.Inbox;

/// <summary>
/// The filter of the inbox. Status, kind and page may stand in the address (a filtered view can be shared); what staff
/// search for is often an e-mail address, so it travels only in a form post, never in an address.
/// </summary>
public sealed class InboxFilter
{
    [ModelBinder(Name = "status")]
    public SubmissionStatus? Status { get; set; }

    [ModelBinder(Name = "soort")]
    public ContactKind? Kind { get; set; }

    // From a posted form only: a search in an address (a link someone made) is never carried out.
    [FromForm(Name = "zoek")]
    public string? Search { get; set; }

    [ModelBinder(Name = "pagina")]
    public int Page { get; set; } = 1;

    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Search))]
    public bool HasSearch => !string.IsNullOrWhiteSpace(Search);

    /// <summary>The filter as the audit log keeps it: status and kind, and whether words were searched for, never the words.</summary>
    public string AuditDescription()
    {
        var parts = new List<string>();
        if (Status is not null)
        {
            parts.Add($"status {Status.Value.Label().ToLowerInvariant()}");
        }

        if (Kind is not null)
        {
            parts.Add($"soort {Kind.Value.Label()}");
        }

        if (HasSearch)
        {
            parts.Add("met zoekterm");
        }

        return parts.Count == 0 ? "" : $" ({string.Join(", ", parts)})";
    }

    /// <summary>The filter as an address's query: status, kind and page; never the search text.</summary>
    public string QueryString(int? page = null)
    {
        var parts = new List<string>();
        if (Status is not null)
        {
            parts.Add($"status={Status}");
        }

        if (Kind is not null)
        {
            parts.Add($"soort={Kind}");
        }

        if (page is > 1)
        {
            parts.Add($"pagina={page}");
        }

        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}

public sealed record InboxRow(ContactSubmission Submission, DateTime? DueAt, bool Overdue);

public sealed record InboxPage(InboxFilter Filter, IReadOnlyList<InboxRow> Rows, int Total, int Page, int Pages);

public sealed record SubmissionDetail(ContactSubmission Submission, DateTime? DueAt, bool Overdue, OutboxMessage? Notification);

[Area(StaffExtensions.Area)]
public sealed class InboxController(SiteDbContext db, AuditLog audit, SubmissionDeletion deletion, OutboxSignal outbox, TimeProvider time) : Controller
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
        var submissions = await InboxQueries.Page(db, filter, now.AddMonths(-1), page).ToListAsync(cancellationToken);
        if (filter.HasSearch)
        {
            // That a search happened and how much it found; the words searched for may be personal data and stay out.
            await audit.WriteAsync(AuditAction.SearchSubmissions, $"{total} gevonden", cancellationToken: cancellationToken);
        }

        return View("Index", new InboxPage(filter, [.. submissions.Select(s => Row(s, now))], total, page, pages));
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
        var rows = await InboxQueries.Ordered(InboxQueries.Filtered(db, filter), now.AddMonths(-1)).ToListAsync(cancellationToken);
        await audit.WriteAsync(AuditAction.ExportSubmissions, $"{rows.Count} berichten{filter.AuditDescription()}", cancellationToken: cancellationToken);
        var csv = new StringBuilder();
        Csv.AppendRow(csv, ["Referentie", $"Ontvangen ({DutchTime.ZoneLabel})", "Onderwerp", "Naam", "E-mailadres", "Telefoon", "Status", "Behandeld door", $"Behandeld op ({DutchTime.ZoneLabel})", "Melding aan medewerkers", "Bericht"]);
        foreach (var s in rows)
        {
            Csv.AppendRow(csv,
            [
                s.Reference, DutchTime.Cell(s.ReceivedAt), s.Kind.Label(), s.Name, s.Email, s.Phone ?? "",
                s.Status.Label(), s.HandledBy ?? "",
                (s.HandledAt is { } handled ? DutchTime.Cell(handled) : ""), s.Notification.Label(), s.Message,
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
        var notification = await InboxQueries.Notification(db, id).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        var row = Row(submission, Now());
        return View(new SubmissionDetail(submission, row.DueAt, row.Overdue, notification));
    }

    [HttpPost("/beheer/berichten/{id:guid}/status")]
    public async Task<IActionResult> SetStatus(Guid id, [FromForm(Name = "status")] SubmissionStatus status, CancellationToken cancellationToken)
    {
        var submission = await InboxQueries.One(db, id).FirstOrDefaultAsync(cancellationToken);
        if (submission is null)
        {
            return NotFound();
        }

        submission.Status = status;
        submission.HandledBy = status == SubmissionStatus.Handled ? User.Identity?.Name : null;
        submission.HandledAt = status == SubmissionStatus.Handled ? Now() : null;
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(status == SubmissionStatus.Handled ? AuditAction.MarkHandled : AuditAction.MarkNew, submission.Reference, cancellationToken: cancellationToken);
        return Redirect($"/beheer/berichten/{id}");
    }

    [HttpPost("/beheer/berichten/{id:guid}/melding")]
    public async Task<IActionResult> Resend(Guid id, CancellationToken cancellationToken)
    {
        var submission = await InboxQueries.One(db, id).FirstOrDefaultAsync(cancellationToken);
        var message = await InboxQueries.Notification(db, id).FirstOrDefaultAsync(cancellationToken);
        if (submission is null || message is null)
        {
            return NotFound();
        }

        if (message.DeadAt is not null)
        {
            message.DeadAt = null;
            message.Attempts = 0;
            message.NextAttemptAt = Now();
            submission.Notification = NotificationState.Pending;
            await db.SaveChangesAsync(cancellationToken);
            await audit.WriteAsync(AuditAction.ResendNotification, submission.Reference, cancellationToken: cancellationToken);
            outbox.Notify();
        }

        return Redirect($"/beheer/berichten/{id}");
    }

    [HttpGet("/beheer/berichten/{id:guid}/verwijderen")]
    public async Task<IActionResult> ConfirmDelete(Guid id, CancellationToken cancellationToken)
    {
        var submission = await InboxQueries.One(db, id).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return submission is null ? NotFound() : View(submission);
    }

    [HttpPost("/beheer/berichten/{id:guid}/verwijderen")]
    public async Task<IActionResult> Delete(Guid id, CancellationToken cancellationToken)
    {
        var submission = await InboxQueries.One(db, id).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (submission is null)
        {
            return NotFound();
        }

        await deletion.DeleteAsync(s => s.Id == id, token => audit.WriteAsync(AuditAction.DeleteSubmission, submission.Reference, cancellationToken: token), cancellationToken);
        TempData["Melding"] = $"Bericht {submission.Reference} is verwijderd.";
        return Redirect("/beheer");
    }

    private static InboxRow Row(ContactSubmission s, DateTime now)
    {
        var due = s.DueAt;
        return new InboxRow(s, due, due < now && s.Status == SubmissionStatus.New);
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
