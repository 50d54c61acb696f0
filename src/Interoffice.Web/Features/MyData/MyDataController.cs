using Interoffice.Web.Features.Consent;
using Interoffice.Web.Features.Shared;
using Interoffice.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Interoffice.Web.Features.MyData;

/// <summary>
/// The way in to "Mijn gegevens": ask for a link by address (the same answer for every address), and use it. The link's
/// code travels in the query string (never logged) to a page with a button, which posts it and clears it from view.
/// </summary>
[WithoutThirdParties]
public sealed partial class MyDataController(FormStamp stamp, IOptions<MyDataOptions> options, MailLinks links, MyDataCookie cookie, ILogger<MyDataController> logger) : Controller
{
    public const string RateLimitPolicy = "mijn-gegevens";

    [HttpGet("/mijn-gegevens")]
    [OutputCache(PolicyName = ConsentPageCache.Name)]
    public IActionResult Index() => View(new RequestForm { Start = FormStamps.For(HttpContext, stamp) });

    [HttpPost("/mijn-gegevens")]
    [RequireSameOrigin]
    [EnableRateLimiting(RateLimitPolicy)]
    public async Task<IActionResult> Ask(RequestForm form, [FromServices] AccessLinks accessLinks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(accessLinks);
        if (!string.IsNullOrEmpty(form.Website))
        {
            LogHoneypot(logger);
            return this.SeeOther("/mijn-gegevens/verzonden");
        }

        form.Email = form.Email?.Trim();
        ModelState.Clear();
        TryValidateModel(form);
        if (ModelState.IsValid && !stamp.IsHuman(form.Start, options.Value.MinimumSecondsToFill))
        {
            ModelState.AddModelError("", "Uw aanvraag werd wel erg snel verzonden. Controleer uw e-mailadres en vraag opnieuw.");
        }

        var baseUrl = links.BaseUrl(Request);
        if (ModelState.IsValid && baseUrl is null)
        {
            LogNoBaseUrl(logger);
            ModelState.AddModelError("", $"Uw gegevens opvragen kan op dit moment niet. Probeer het later opnieuw, of mail ons op {Company.Email}.");
        }

        if (!ModelState.IsValid)
        {
            form.Start = stamp.Keep(form.Start);
            return View("Index", form);
        }

        // The browser's secret binds the link to it; an existing one (a session, an earlier request) is kept.
        var browser = MyDataCookie.Read(Request) ?? Secrets.New();
        cookie.Write(Response, browser, TimeSpan.FromMinutes(options.Value.LinkMinutes));
        await accessLinks.RequestAsync(form.Email!, browser, baseUrl!, cancellationToken);
        return this.SeeOther("/mijn-gegevens/verzonden");
    }

    [HttpGet("/mijn-gegevens/verzonden")]
    public IActionResult Sent() => View(options.Value);

    /// <summary>The mail's link shows a button: a mail scanner that opens links uses nothing up.</summary>
    [HttpGet("/mijn-gegevens/openen")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public IActionResult Open([FromQuery] string? code)
    {
        Response.Headers["Referrer-Policy"] = "no-referrer";
        return View(new LinkPage(code, null));
    }

    [HttpPost("/mijn-gegevens/openen")]
    [RequireSameOrigin]
    public async Task<IActionResult> Opened([FromForm] string? code, [FromServices] AccessLinks accessLinks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accessLinks);
        var (outcome, secret) = await accessLinks.OpenAsync(code, MyDataCookie.Read(Request), cancellationToken);
        if (outcome != OpenOutcome.Opened)
        {
            return View("Open", new LinkPage(null, outcome));
        }

        // A new secret for the session: whatever the browser held before opens nothing now.
        cookie.Write(Response, secret!, TimeSpan.FromMinutes(options.Value.SessionMinutes));
        return this.SeeOther(MyDataSessionController.Overview);
    }

    [LoggerMessage(LogLevel.Error, "Mijn gegevens: request refused: set Site:BaseUrl (or AllowedHosts), else the mail's link would follow the request's Host header")]
    private static partial void LogNoBaseUrl(ILogger logger);

    [LoggerMessage(LogLevel.Information, "Mijn gegevens: honeypot filled, nothing sent")]
    private static partial void LogHoneypot(ILogger logger);
}
