using Interoffice.Web.Features.MyData;
using Interoffice.Web.Features.Staff;
using Interoffice.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Interoffice.Web.Areas.Beheer.Features.People;

/// <summary>
/// Everything stored about one e-mail address, for requests under the privacy statement: look it up, hand it over
/// as JSON (portability), or erase it, by the same path the person uses on "Mijn gegevens". The audit log names
/// references only, so an erasure leaves no address behind.
/// </summary>
[Area(StaffExtensions.Area)]
public sealed class PeopleController(PersonRecords people, AuditLog audit, TimeProvider time) : Controller
{
    // The address is looked up by a form post and travels only in post bodies: never in an address, a link or a
    // redirect, where it would end up in logs, browser history and Referer headers.
    [HttpGet("/beheer/persoon")]
    public IActionResult Index() => View(PersonData.None);

    [HttpPost("/beheer/persoon")]
    public async Task<IActionResult> Lookup([FromForm] string? email, CancellationToken cancellationToken)
    {
        var person = await people.FindAsync(email, cancellationToken);
        if (person.HoldsAnything)
        {
            await audit.WriteAsync(AuditAction.ViewPerson, person.References(), cancellationToken: cancellationToken);
        }

        return View("Index", person);
    }

    [HttpPost("/beheer/persoon/export.json")]
    public async Task<IActionResult> Export([FromForm] string? email, CancellationToken cancellationToken)
    {
        var person = await people.FindAsync(email, cancellationToken);
        if (person.Email is null)
        {
            return Redirect("/beheer/persoon");
        }

        await audit.WriteAsync(AuditAction.ExportPerson, person.References(), cancellationToken: cancellationToken);
        var now = time.GetUtcNow();
        return File(PersonExport.Of(person, [], now.UtcDateTime), "application/json", $"persoonsgegevens-{DutchTime.FromUtc(now.UtcDateTime):yyyyMMdd}.json");
    }

    [HttpPost("/beheer/persoon/wissen/bevestigen")]
    public async Task<IActionResult> ConfirmErase([FromForm] string? email, CancellationToken cancellationToken) =>
        View(await people.FindAsync(email, cancellationToken));

    [HttpPost("/beheer/persoon/wissen")]
    public async Task<IActionResult> Erase([FromForm] string? email, CancellationToken cancellationToken)
    {
        var person = await people.FindAsync(email, cancellationToken);
        if (person.Email is null || !person.HoldsAnything)
        {
            return Redirect("/beheer/persoon");
        }

        var mailed = person.Mailed(time.GetUtcNow().UtcDateTime);
        var result = await people.EraseAsync(person, AuditAction.ErasePerson, null, cancellationToken);
        TempData["Melding"] = $"Alle gegevens bij dit e-mailadres zijn gewist ({result.Erased} berichten{(result.Newsletter ? ", de nieuwsbrief" : "")})."
            + (result.Kept.Count == 0 ? "" : $" Bewaard voor de administratie: {string.Join(", ", result.Kept.Select(s => s.Reference))}.")
            + (mailed.Count == 0 ? "" : $" Verwijder ook de meldingen in de mailbox van {string.Join(" en ", mailed.Select(m => m.To).Distinct())} (onderwerp met {string.Join(", ", mailed.Select(m => m.Reference))}).");
        return Redirect("/beheer/persoon");
    }
}
