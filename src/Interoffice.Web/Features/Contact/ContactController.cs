using Interoffice.Web.Features.Consent;
using Interoffice.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Interoffice.Web.Features.Contact;

public sealed partial class ContactController(FormStamp stamp, IOptions<ContactOptions> options, ILogger<ContactController> logger) : Controller
{
    public const string RateLimitPolicy = "contact";

    private const string ReferenceKey = "Referentie";

    /// <summary>The empty form, from the page cache; <see cref="ContactFormTokens"/> and <see cref="FormStamps"/> fill in each view's token and stamp.</summary>
    [HttpGet(ContactFormTokens.Path)]
    [OutputCache(PolicyName = ConsentPageCache.Name)]
    public IActionResult Contact() =>
        View(new ContactForm { Start = FormStamps.For(HttpContext, stamp) });

    [HttpPost("/contact")]
    [EnableRateLimiting(RateLimitPolicy)]
    [GivesExpiredFormBack]
    public async Task<IActionResult> Send(ContactForm form, [FromServices] SubmissionStore store, CancellationToken cancellationToken)
    {
        // The store (and its database context) only for a post: showing the form needs no database.
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(store);
        if (!string.IsNullOrEmpty(form.Website))
        {
            // A bot: it gets what looks like success and nothing is stored.
            LogHoneypot(logger);
            return this.SeeOther("/contact/bedankt");
        }

        form.Trim();
        ModelState.Clear();
        TryValidateModel(form);
        if (!stamp.IsHuman(form.Start, options.Value.MinimumSecondsToFill))
        {
            ModelState.AddModelError("", "Uw bericht werd wel erg snel verzonden. Controleer de gegevens hieronder en verstuur het formulier opnieuw.");
        }

        if (!ModelState.IsValid)
        {
            // Keep the first moment the form was shown, so the next try counts from there.
            form.Start = stamp.Keep(form.Start);
            return View("Contact", form);
        }

        var submission = await store.AddAsync(form, cancellationToken);

        // The reference travels in a one-time value, never in the address: addresses end up in logs, history, the
        // Referer header and (with analytics consented) in the page view.
        TempData[ReferenceKey] = submission.Reference;
        return this.SeeOther("/contact/bedankt");
    }

    /// <summary>Shows the reference once; reloaded later, a general thank-you.</summary>
    [HttpGet("/contact/bedankt")]
    public IActionResult Thanks() => View("Thanks", TempData[ReferenceKey] as string);

    [LoggerMessage(LogLevel.Information, "Contact form: honeypot filled, nothing stored")]
    private static partial void LogHoneypot(ILogger logger);
}
