using Interoffice.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Interoffice.Web.Features.Consent;

/// <summary>
/// Public pages are the same for every visitor in the same consent state, which is <see cref="ConsentContext.Key"/>: the
/// very object the views read makes the key. The server keeps each such page for a few minutes (ASP.NET Core's output
/// cache), keyed by that state, so most page views are served without rendering. Never stored:
/// a response that sets a cookie, says no-store for its own reasons (a form with a token; the no-store of a page with
/// third-party scripts is only for browsers), lets a frame go full screen (a consented video),
/// or is not a 200; never cached for a host other than Site:BaseUrl's (when the operator allows more hosts); never cached at all with <see cref="WithoutChoice"/> once the visitor has chosen (the cookie
/// statement shows the visitor's own consent id).
/// </summary>
public sealed class ConsentPageCache(bool onlyWithoutChoice) : IOutputCachePolicy
{
    public const string Name = "consent-page";
    public const string WithoutChoice = "consent-page-without-choice";

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var consent = http.Consent();
        var request = http.Request;
        var attempt = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && !(onlyWithoutChoice && consent.Choice is not null)
            && !request.Headers.ContainsKey(HeaderNames.Authorization)
            && http.RequestServices.GetRequiredService<IOptions<SiteOptions>>().Value.IsPublicHost(request.Host);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = attempt;
        context.AllowCacheStorage = attempt;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        // No query string is part of the key ("Video laden" is, through the consent state): made-up queries cannot fill the cache.
        context.CacheVaryByRules.VaryByValues["consent"] = consent.Key;
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK
            || response.Headers.ContainsKey(HeaderNames.SetCookie)
            || (response.Headers.CacheControl.ToString().Contains("no-store", StringComparison.OrdinalIgnoreCase)
                && response.Headers.CacheControl != ConsentMiddleware.ThirdPartyPageCacheControl)
            || context.HttpContext.Features.Get<FramePermissions>() is { Grants.Count: > 0 })
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
