using Interoffice.Web.Features.Contact;
using Interoffice.Web.Features.Staff;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Email;
using Interoffice.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Interoffice.Web.Areas.Beheer.Features.Inbox;

/// <summary>
/// What staff decide about one submission beyond its status: extending a privacy request's deadline once (the person
/// is mailed the reason), and keeping it for the accounts, which erasure and retention then respect.
/// </summary>
[Area(StaffExtensions.Area)]
public sealed class PrivacyRequestsController(SiteDbContext db, AuditLog audit, Outbox outbox, IOptions<ContactRetentionOptions> retention, TimeProvider time) : Controller
{
    public const int ReasonMax = 400; // the column's length

    [HttpPost("/beheer/berichten/{id:guid}/termijn")]
    public async Task<IActionResult> Extend(Guid id, [FromForm] string? reason, CancellationToken cancellationToken)
    {
        var submission = await InboxQueries.One(db, id).FirstOrDefaultAsync(cancellationToken);
        if (submission is null)
        {
            return NotFound();
        }

        reason = reason?.Trim();
        var error = !submission.CanExtend(time.GetUtcNow().UtcDateTime) ? "Deze termijn kan niet (meer) worden verlengd: alleen een open privacyverzoek waarvan de termijn nog loopt, en maar één keer."
            : string.IsNullOrEmpty(reason) ? "Geef de reden voor de verlenging: de persoon krijgt die te lezen."
            : reason.Length > ReasonMax || reason.Any(char.IsControl) ? $"Schrijf de reden op één regel van hoogstens {ReasonMax} tekens."
            : null;
        if (error is not null)
        {
            ModelState.AddModelError("reason", error);
            var now = time.GetUtcNow().UtcDateTime;
            var mail = await OutboxQueries.Latest(db, id).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
            return View("~/Areas/Beheer/Features/Inbox/Detail.cshtml", new SubmissionDetail(submission, submission.IsOverdue(now), mail) { Reason = reason });
        }

        submission.Extend(reason!, time.GetUtcNow().UtcDateTime);
        outbox.Queue(PrivacyRequestMails.Extended(submission));
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(AuditAction.ExtendDeadline, $"{submission.Reference} tot {DutchTime.Format(submission.DueAt!.Value)}", cancellationToken: cancellationToken);
        TempData["Melding"] = $"De termijn is verlengd tot {DutchTime.Format(submission.DueAt!.Value)}. De persoon krijgt een e-mail met de reden.";
        return Redirect($"/beheer/berichten/{id}");
    }

    [HttpPost("/beheer/berichten/{id:guid}/bewaren")]
    public async Task<IActionResult> Keep(Guid id, [FromForm] bool keep, CancellationToken cancellationToken)
    {
        var submission = await InboxQueries.One(db, id).FirstOrDefaultAsync(cancellationToken);
        if (submission is null)
        {
            return NotFound();
        }

        if (keep)
        {
            submission.KeepForAccounts(retention.Value.KeepForAccountsYears);
        }
        else
        {
            submission.Release();
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(keep ? AuditAction.KeepForAccounts : AuditAction.ReleaseHold, submission.Reference, cancellationToken: cancellationToken);
        TempData["Melding"] = keep
            ? $"Bericht {submission.Reference} wordt bewaard voor de administratie tot {DutchTime.Format(submission.KeepUntil!.Value)}: wissen en de bewaartermijn slaan het over."
            : $"Bericht {submission.Reference} wordt niet meer apart bewaard.";
        return Redirect($"/beheer/berichten/{id}");
    }
}
