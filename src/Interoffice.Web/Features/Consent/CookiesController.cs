using Interoffice.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;

namespace Interoffice.Web.Features.Consent;

/// <summary>The cookie statement with the visitor's settings, and the one endpoint every consent form posts to.</summary>
public sealed class CookiesController(EnabledServices services, ConsentPolicy policy, ConsentCookie cookie, ConsentLog log, TimeProvider time) : Controller
{
    /// <summary>Choices per client address: plenty for a person, a refusal for a flood that would fill the consent log.</summary>
    public const string RateLimitPolicy = "consent-choice";

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
    /// keuze: <c>alles</c> (accept all), <c>niets</c> (reject all), <c>selectie</c> (the checked categories) or
    /// <c>toevoegen</c> (add the given categories to the current choice). Answers JSON to the page's script,
    /// otherwise redirects back to the page (only ever a page of this site).
    /// </summary>
    [EnableRateLimiting(RateLimitPolicy)]
    [RequireSameOrigin]
    [HttpPost("/cookies/keuze")]
    public async Task<IActionResult> Choose(
        [FromForm(Name = "keuze")] string? choice,
        [FromForm(Name = "categorie")] string[]? categories,
        [FromForm(Name = "terug")] string? returnUrl,
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
        if (decision is not { } made)
        {
            return BadRequest();
        }

        var current = policy.Current;
        var state = new ConsentState(
            consent.Choice?.ConsentId ?? consent.Outdated?.ConsentId ?? Guid.NewGuid().ToString(),
            current.Version,
            made.granted.ToHashSet(),
            DateTimeOffset.FromUnixTimeSeconds(time.GetUtcNow().ToUnixTimeSeconds()),
            made.method,
            current.Statement.Version);
        cookie.Write(Response, state);
        await log.AppendAsync(state, current, consent.GlobalPrivacyControl, Request.Headers.UserAgent, cancellationToken);

        var withdrawn = previous.Except(state.Granted).ToHashSet();
        CookiePurge.ExpireRefused(HttpContext, services.All, c => c == ConsentCategory.Functional || state.Granted.Contains(c), withdrawn);

        if (Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true))
        {
            return Json(new
            {
                consentId = state.ConsentId,
                granted = state.Granted.Order().Select(c => c.Key()),
                consentMode = services.UsesGoogleConsentMode ? GoogleConsentMode.For(c => state.Granted.Contains(c)) : null,
                // A new host is only reachable under a new page's Content-Security-Policy: the script reloads for it.
                reload = !state.Granted.SetEquals(previous),
            });
        }

        return this.SeeOther(this.ReturnPathOr(returnUrl, "/"));
    }
}
