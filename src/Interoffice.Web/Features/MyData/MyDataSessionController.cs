using Interoffice.Web.Features.Consent;
using Interoffice.Web.Features.Contact;
using Interoffice.Web.Features.Shared;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Features.MyData;

/// <summary>
/// A person's own page, within the session a link opened: see, download, correct, object, erase. Every action is
/// recorded for staff. Without a live session each of these pages says how to get one, and does nothing.
/// </summary>
[WithoutThirdParties]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class MyDataSessionController(AccessLinks links, PersonRecords people, SelfService selfService, MyDataCookie cookie, SiteDbContext db, TimeProvider time) : Controller
{
    public const string Overview = "/mijn-gegevens/overzicht";

    [HttpGet(Overview)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        if (await SessionAsync(cancellationToken) is not { } session)
        {
            return NoSession();
        }

        var page = await PageAsync(session, cancellationToken);
        if (!page.Person.Activity!.Any(a => a.Action == SelfServiceAction.Viewed && a.At >= session.StartedAt))
        {
            await selfService.RecordAsync(page.Person, SelfServiceAction.Viewed, null, cancellationToken);
        }

        return View("Overview", page);
    }

    [HttpGet("/mijn-gegevens/gegevens.json")]
    public async Task<IActionResult> Json(CancellationToken cancellationToken)
    {
        if (await SessionAsync(cancellationToken) is not { } session)
        {
            return NoSession();
        }

        var page = await PageAsync(session, cancellationToken);
        await selfService.RecordAsync(page.Person, SelfServiceAction.Downloaded, "JSON", cancellationToken);
        return File(PersonExport.Of(page.Person, page.BrowserConsents, page.Now), "application/json", $"mijn-gegevens-{DutchTime.FromUtc(page.Now):yyyyMMdd}.json");
    }

    [HttpGet("/mijn-gegevens/berichten.csv")]
    public async Task<IActionResult> Csv(CancellationToken cancellationToken)
    {
        if (await SessionAsync(cancellationToken) is not { } session)
        {
            return NoSession();
        }

        var page = await PageAsync(session, cancellationToken);
        await selfService.RecordAsync(page.Person, SelfServiceAction.Downloaded, "CSV", cancellationToken);
        return File(SubmissionsCsv.Of(page.Person.Submissions), "text/csv; charset=utf-8", $"mijn-berichten-{DutchTime.FromUtc(page.Now):yyyyMMdd}.csv");
    }

    [HttpPost("/mijn-gegevens/corrigeren")]
    [RequireSameOrigin]
    public async Task<IActionResult> Correct(CorrectionForm form, [FromServices] SubmissionStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(store);
        if (await SessionAsync(cancellationToken) is not { } session)
        {
            return NoSession();
        }

        form.Trim();
        ModelState.Clear();
        if (!TryValidateModel(form))
        {
            // Each field's message is named after the submission's own field, so the summary's links lead to it.
            var page = await PageAsync(session, cancellationToken);
            var shown = page.Person.Submissions.FirstOrDefault(s => s.Id == form.Id)?.Reference;
            var errors = ModelState.Where(e => e.Value?.Errors.Count > 0).SelectMany(e => e.Value!.Errors.Select(x => (Field: e.Key, x.ErrorMessage))).ToList();
            ModelState.Clear();
            errors.ForEach(e => ModelState.AddModelError(shown is null ? "" : $"{e.Field}-{shown}", e.ErrorMessage));
            return View("Overview", page with { Correction = form });
        }

        var reference = await store.CorrectAsync(form.Id, session.NormalizedEmail, form.Name!, form.Phone, cancellationToken);
        if (reference is null)
        {
            return NotFound();
        }

        var person = await people.FindAsync(session.NormalizedEmail, cancellationToken);
        await selfService.RecordAsync(person, SelfServiceAction.Corrected, $"{reference}: naam en telefoonnummer", cancellationToken);
        TempData["MijnGegevens"] = $"Uw naam en telefoonnummer bij {reference} zijn gecorrigeerd.";
        return this.SeeOther(Overview);
    }

    [HttpPost("/mijn-gegevens/bezwaar")]
    [RequireSameOrigin]
    public async Task<IActionResult> Objection(ObjectionForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await SessionAsync(cancellationToken) is not { } session)
        {
            return NoSession();
        }

        var page = await PageAsync(session, cancellationToken);
        if (!ModelState.IsValid)
        {
            return View("Overview", page with { Objection = form });
        }

        if (page.Person.Submissions.Count == 0)
        {
            return this.SeeOther(Overview);
        }

        var (request, isNew) = await selfService.ObjectAsync(page.Person, form.Reason, cancellationToken);
        TempData["MijnGegevens"] = isNew
            ? $"Uw bezwaar is ontvangen onder referentie {request.Reference}. Wij beantwoorden het uiterlijk {DutchTime.Format(request.DueAt!.Value, "d MMMM yyyy")}."
            : $"U heeft al bezwaar gemaakt (referentie {request.Reference}); wij beantwoorden het uiterlijk {DutchTime.Format(request.DueAt!.Value, "d MMMM yyyy")}. Een aanvulling kunt u mailen naar {Company.Email}.";
        return this.SeeOther(Overview);
    }

    [HttpGet("/mijn-gegevens/wissen")]
    public async Task<IActionResult> ConfirmErase(CancellationToken cancellationToken) =>
        await SessionAsync(cancellationToken) is { } session ? View(await PageAsync(session, cancellationToken)) : NoSession();

    [HttpPost("/mijn-gegevens/wissen")]
    [RequireSameOrigin]
    public async Task<IActionResult> Erase(CancellationToken cancellationToken)
    {
        if (await SessionAsync(cancellationToken) is not { } session)
        {
            return NoSession();
        }

        var person = await people.FindAsync(session.NormalizedEmail, cancellationToken);
        var erased = await selfService.EraseAsync(person, cancellationToken);
        cookie.Delete(Response);
        return View("Erased", erased);
    }

    [HttpPost("/mijn-gegevens/afsluiten")]
    [RequireSameOrigin]
    public async Task<IActionResult> End(CancellationToken cancellationToken)
    {
        if (await SessionAsync(cancellationToken) is { } session)
        {
            await links.EndAsync(session, cancellationToken);
        }

        cookie.Delete(Response);
        return View("Ended");
    }

    private Task<AccessSession?> SessionAsync(CancellationToken cancellationToken) => links.SessionAsync(MyDataCookie.Read(Request), cancellationToken);

    private async Task<MyDataPage> PageAsync(AccessSession session, CancellationToken cancellationToken)
    {
        var person = await people.FindAsync(session.NormalizedEmail, cancellationToken);
        var consentId = HttpContext.Consent().ConsentId;
        var consents = consentId is null ? [] : await ConsentQueries.Of(db, consentId).AsNoTracking().ToListAsync(cancellationToken);
        return new MyDataPage(person, consents, session, time.GetUtcNow().UtcDateTime);
    }

    // The cookie stays: before a link is opened it binds that link to this browser.
    private ViewResult NoSession() => View("NoSession");
}
