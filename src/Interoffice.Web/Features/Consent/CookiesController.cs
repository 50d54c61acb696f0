using Interoffice.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;

namespace Interoffice.Web.Features.Consent;

/// <summary>The cookie statement with the visitor's settings, and the one endpoint every consent form posts to.</summary>
public sealed class CookiesController(EnabledServices services, ConsentCookie cookie, ConsentLog log, TimeProvider time) : Controller
{
    /// <summary>Choices per client address: plenty for a person, a refusal for a flood that would fill the consent log.</summary>
    public const string RateLimitPolicy = "consent-choice";

    /// <summary>What the request log shows for a visitor who closed the connection (nginx's convention).</summary>
    private const int ClientClosedRequest = 499;

    [HttpGet("/cookies")]
    [OutputCache(PolicyName = ConsentPageCache.WithoutChoice)]
    public IActionResult Statement()
    {
        var choice = HttpContext.Consent().Choice;
        return View(new CookieStatementModel(
            ConsentViewModels.Settings(HttpContext, services, "instellingen", "/cookies"),
            choice,
            choice is null ? null : cookie.ExpiresAt(choice),
            services.All));
    }

    /// <summary>
    /// The forms posting here carry no antiforgery token, so that a page with the banner sets no cookie; cross-site
    /// posts are refused from the browser's own signals instead (<see cref="RequireSameOriginAttribute"/>).
    /// Choice: <c>alles</c> (accept all), <c>niets</c> (reject all), <c>selectie</c> (the checked categories) or
    /// <c>toevoegen</c> (add the given categories to the current choice). Answers JSON to the page's script,
    /// otherwise redirects back to the page (only ever a page of this site). The fields travel in the body only.
    /// </summary>
    [EnableRateLimiting(RateLimitPolicy)]
    [RequireSameOrigin]
    [HttpPost("/cookies/keuze")]
    public async Task<IActionResult> Choose(
        [FromForm(Name = "Choice")] string? choice,
        [FromForm(Name = "Category")] string[]? categories,
        [FromForm(Name = "ReturnUrl")] string? returnUrl,
        CancellationToken cancellationToken)
    {
        var consent = HttpContext.Consent();
        var previous = consent.Granted;
        var chosen = (categories ?? [])
            .Select(key => ConsentCategories.TryParse(key, out var category) ? category : ConsentCategory.Functional)
            .Where(services.Offered.Contains)
            .ToHashSet();
        (IEnumerable<ConsentCategory> granted, ConsentMethod method)? decision = choice switch
        {
            "alles" => (services.Offered, ConsentMethod.AcceptAll),
            "niets" => ([], ConsentMethod.RejectAll),
            "selectie" => (chosen, ConsentMethod.Settings),
            "toevoegen" => (previous.Union(chosen).Where(services.Offered.Contains), ConsentMethod.Embed),
            _ => null,
        };
        if (decision is not { } decided)
        {
            return BadRequest();
        }

        var policy = consent.Policy;
        var made = new ConsentChoice(
            consent.ConsentId ?? Guid.NewGuid().ToString(),
            policy.Version,
            decided.granted.ToHashSet(),
            DateTimeOffset.FromUnixTimeSeconds(time.GetUtcNow().ToUnixTimeSeconds()),
            decided.method,
            policy.Statement.Version);
        cookie.Write(Response, made);
        try
        {
            await log.AppendAsync(made, policy, consent.GlobalPrivacyControl, Request.Headers.UserAgent, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The visitor left before the answer: not an error of the site, and the choice is written all the same.
            return new StatusCodeResult(ClientClosedRequest);
        }

        // From here the request carries the new choice: the consent middleware expires what it refuses or withdraws.
        HttpContext.Features.Set(consent.After(made));

        if (Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true))
        {
            return Json(new
            {
                consentId = made.ConsentId,
                granted = made.Granted.Order().Select(c => c.Key()),
                consentMode = services.UsesGoogleConsentMode ? GoogleConsentMode.For(c => made.Granted.Contains(c)) : null,
                // A new host is only reachable under a new page's Content-Security-Policy: the script reloads for it.
                reload = !made.Granted.SetEquals(previous),
            });
        }

        return this.SeeOther(this.ReturnPathOr(returnUrl, "/"));
    }
}
