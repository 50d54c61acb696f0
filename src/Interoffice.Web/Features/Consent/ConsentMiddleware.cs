using Interoffice.Web.Infrastructure.Hosting;

namespace Interoffice.Web.Features.Consent;

/// <summary>
/// Resolves the consent of every request into a <see cref="ConsentContext"/>, opens the Content-Security-Policy
/// for the hosts and inline scripts (by hash) of consented services only, and expires cookies of categories that are
/// not consented. Everything a page's headers depend on is decided here, before the page is rendered or taken from cache;
/// the policy in force is read here once and handed on with the <see cref="ConsentContext"/>.
/// </summary>
public sealed class ConsentMiddleware(RequestDelegate next, EnabledServices services, ConsentPolicyProvider policies, ConsentCookie cookie)
{
    /// <summary>The query that loads embedded videos for one response ("Video laden").</summary>
    public const string OneTimeVideoQuery = "video";

    /// <summary>A page with consented third-party scripts: no browser cache keeps it (the server's page cache may).</summary>
    public const string ThirdPartyPageCacheControl = "private, no-store";

    /// <summary>Any other page: the browser (and its back/forward cache) may keep it, and asks before showing it anew.</summary>
    public const string PageCacheControl = "private, no-cache";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var consent = Resolve(context);
        context.Features.Set(consent);

        var csp = context.ContentSecurityPolicy();
        if (services.UsesGoogleConsentMode)
        {
            csp.Allow("script-src", GoogleConsentMode.Defaults(consent.IsGranted).HashSource);
        }

        foreach (var enabled in services.All)
        {
            if (consent.IsGranted(enabled.Service.Category)
                || (consent.OneTimeVideo && enabled.Service.Key == ServiceRegistry.YouTube))
            {
                foreach (var (directive, sources) in enabled.Service.Sources)
                {
                    csp.Allow(directive, sources);
                }

                if (consent.IsGranted(enabled.Service.Category) && enabled.ScriptHashes.Count > 0)
                {
                    csp.Allow("script-src", [.. enabled.ScriptHashes]);
                }
            }
        }

        // The one place cookies of refused categories are expired. A page's are expired before it renders, so the page
        // cache sees the Set-Cookie and keeps no such answer; a post may change the choice (the choice endpoint hands the
        // new one to the request), so its are expired as the answer starts, against the consent it ends with.
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            CookiePurge.ExpireRefused(context, services.All, consent, consent);
        }
        else
        {
            context.Response.OnStarting(state =>
            {
                var http = (HttpContext)state;
                CookiePurge.ExpireRefused(http, services.All, consent, http.Consent());
                return Task.CompletedTask;
            }, context);
        }

        // A page is made for this visitor's choice: the browser may keep it (and its back/forward cache may restore
        // it) but asks again before showing it anew; no shared cache stores it. A page that runs consented third-party
        // scripts is not kept at all: after a withdrawal, Back must not bring those scripts back to life. (Set as the
        // response starts, so the server's page cache stores the page either way.) A form with a token says no-store itself.
        var cacheControl = consent.Granted.Count > 0 ? ThirdPartyPageCacheControl : PageCacheControl;
        context.Response.OnStarting(state =>
        {
            var response = ((HttpContext)state).Response;
            if (!response.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.CacheControl)
                && response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
            {
                response.Headers.CacheControl = cacheControl;
            }

            return Task.CompletedTask;
        }, context);
        return next(context);
    }

    private ConsentContext Resolve(HttpContext context)
    {
        var policy = policies.Current;
        var choice = cookie.Read(context.Request.Cookies[ConsentCookie.Name], policy.Version, out var outdated);
        var gpc = context.Request.Headers["Sec-GPC"] == "1";
        var oneTimeVideo = HttpMethods.IsGet(context.Request.Method) && context.Request.Query[OneTimeVideoQuery] == "laden";
        return new ConsentContext(policy, services.Offered, choice, gpc, oneTimeVideo, outdated);
    }
}
