using Interoffice.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Interoffice.Web.Features.Contact;

public sealed partial class ContactController(SubmissionStore store, FormStamp stamp, ILogger<ContactController> logger) : Controller
{
    public const string RateLimitPolicy = "contact";

    [HttpGet("/contact")]
    public IActionResult Contact() => View(new ContactForm { Start = stamp.Issue() });

    [HttpPost("/contact")]
    [EnableRateLimiting(RateLimitPolicy)]
    public async Task<IActionResult> Send(ContactForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!string.IsNullOrEmpty(form.Website))
        {
            // A bot: it gets what looks like success and nothing is stored.
            LogHoneypot(logger);
            return this.SeeOther("/contact/bedankt");
        }

        form.Trim();
        ModelState.Clear();
        TryValidateModel(form);
        if (!stamp.IsHuman(form.Start))
        {
            ModelState.AddModelError("", "Uw bericht werd wel erg snel verzonden. Controleer de gegevens hieronder en verstuur het formulier opnieuw.");
        }

        if (!ModelState.IsValid)
        {
            // Keep the first moment the form was shown, so the next try counts from there.
            form.Start = stamp.IsGenuine(form.Start) ? form.Start : stamp.Issue();
            return View("Contact", form);
        }

        var submission = await store.AddAsync(form, cancellationToken);
        return this.SeeOther($"/contact/bedankt?referentie={submission.Reference}");
    }

    [HttpGet("/contact/bedankt")]
    public IActionResult Thanks([FromQuery(Name = "referentie")] string? reference) =>
        View("Thanks", reference is { Length: 11 } && reference.StartsWith("IO-", StringComparison.Ordinal) && reference[3..].All(char.IsAsciiLetterOrDigit)
            ? reference
            : null);

    [LoggerMessage(LogLevel.Information, "Contact form: honeypot filled, nothing stored")]
    private static partial void LogHoneypot(ILogger logger);
}
