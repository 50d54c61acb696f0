using Interoffice.Web.Features.Consent;
using Interoffice.Web.Features.Shared;
using Interoffice.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Interoffice.Web.Features.Newsletter;

/// <summary>
/// The public side of the newsletter: signing up, confirming, unsubscribing. No form here sets a cookie: the sign-up
/// sits on every cached page, and the links come from a mail. Secrets travel in the query string, which is never logged.
/// </summary>
public sealed partial class NewsletterController(FormStamp stamp, IOptions<NewsletterOptions> options, MailLinks links, ILogger<NewsletterController> logger) : Controller
{
    public const string RateLimitPolicy = "newsletter";

    [HttpGet("/nieuwsbrief")]
    [OutputCache(PolicyName = ConsentPageCache.Name)]
    public IActionResult Index() => View(new SignUpForm { Start = FormStamps.For(HttpContext, stamp) });

    /// <summary>The same answer for every address, known or not, confirmed or not.</summary>
    [HttpPost("/nieuwsbrief")]
    [RequireSameOrigin]
    [EnableRateLimiting(RateLimitPolicy)]
    public async Task<IActionResult> SignUp(SignUpForm form, [FromServices] Subscriptions subscriptions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(subscriptions);
        if (!string.IsNullOrEmpty(form.Website))
        {
            LogHoneypot(logger);
            return this.SeeOther("/nieuwsbrief/aangemeld");
        }

        form.Email = form.Email?.Trim();
        ModelState.Clear();
        TryValidateModel(form);
        if (ModelState.IsValid && !stamp.IsHuman(form.Start, options.Value.MinimumSecondsToFill))
        {
            ModelState.AddModelError("", "Uw aanmelding werd wel erg snel verzonden. Controleer uw e-mailadres en meld u opnieuw aan.");
        }

        var baseUrl = links.BaseUrl(Request);
        if (ModelState.IsValid && baseUrl is null)
        {
            LogNoBaseUrl(logger);
            ModelState.AddModelError("", $"Aanmelden voor de nieuwsbrief is op dit moment niet mogelijk. Probeer het later opnieuw, of mail ons op {Company.Email}.");
        }

        if (!ModelState.IsValid)
        {
            form.Start = stamp.Keep(form.Start);
            return View("Index", form);
        }

        await subscriptions.SignUpAsync(form.Email!, SignUpSource.Form, null, baseUrl!, cancellationToken);
        return this.SeeOther("/nieuwsbrief/aangemeld");
    }

    [HttpGet("/nieuwsbrief/aangemeld")]
    public IActionResult Pending() => View();

    /// <summary>The link from the confirmation mail shows a button: a mail scanner that opens links confirms nothing.</summary>
    [HttpGet("/nieuwsbrief/bevestigen")]
    [WithoutThirdParties]
    public IActionResult Confirm([FromQuery] string? code) => View(new TokenPage(code, null));

    [HttpPost("/nieuwsbrief/bevestigen")]
    [RequireSameOrigin]
    public async Task<IActionResult> Confirmed([FromForm] string? code, [FromServices] Subscriptions subscriptions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        var outcome = await subscriptions.ConfirmAsync(code, cancellationToken);
        return outcome == ConfirmOutcome.Confirmed ? this.SeeOther("/nieuwsbrief/bevestigd") : View("Confirm", new TokenPage(null, outcome));
    }

    [HttpGet("/nieuwsbrief/bevestigd")]
    public IActionResult Welcome() => View();

    /// <summary>The link in every mail: a page with one button, no sign-in.</summary>
    [HttpGet("/nieuwsbrief/afmelden")]
    [WithoutThirdParties]
    public IActionResult Unsubscribe([FromQuery] string? code) => View(new TokenPage(code, null));

    /// <summary>
    /// Unsubscribes: from the page's button, or as a mail program does it (RFC 8058) with one POST to the address in
    /// the mail's List-Unsubscribe header, without a cookie, a page or a browser. The link's secret is the authority.
    /// </summary>
    [HttpPost("/nieuwsbrief/afmelden")]
    [IgnoreAntiforgeryToken]
    public async Task<IActionResult> Unsubscribed([FromQuery(Name = "code")] string? linkCode, [FromForm] string? code, [FromServices] Subscriptions subscriptions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        var oneClick = Request.HasFormContentType && Request.Form["List-Unsubscribe"] == "One-Click";
        var done = await subscriptions.UnsubscribeAsync(code ?? linkCode, cancellationToken);
        if (oneClick)
        {
            return done ? Content("U bent afgemeld.") : BadRequest();
        }

        return done ? this.SeeOther("/nieuwsbrief/afgemeld") : View("Unsubscribe", new TokenPage(null, ConfirmOutcome.Unknown));
    }

    [HttpGet("/nieuwsbrief/afgemeld")]
    public IActionResult Goodbye() => View();

    [LoggerMessage(LogLevel.Error, "Newsletter sign-up refused: set Site:BaseUrl (or AllowedHosts), else a mail's links would follow the request's Host header")]
    private static partial void LogNoBaseUrl(ILogger logger);

    [LoggerMessage(LogLevel.Information, "Newsletter sign-up: honeypot filled, nothing stored")]
    private static partial void LogHoneypot(ILogger logger);
}
