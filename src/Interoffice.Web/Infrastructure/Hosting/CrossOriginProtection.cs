using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Interoffice.Web.Infrastructure.Hosting;

/// <summary>
/// Protection against cross-site posts from the browser's own signals, for forms that carry no antiforgery token (and
/// so set no cookie): the rule of Go's <c>CrossOriginProtection</c>. <c>Sec-Fetch-Site: same-origin</c> or
/// <c>none</c> passes; <c>cross-site</c> is refused, and <c>same-site</c> unless its <c>Origin</c> is this host (the
/// same site over another scheme). Without <c>Sec-Fetch-Site</c> (an older browser) an <c>Origin</c> that is not this
/// host is refused; a request with neither header does not come from a browser form and passes.
/// </summary>
public static class CrossOriginProtection
{
    public static bool Allows(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            return true;
        }

        var site = request.Headers["Sec-Fetch-Site"].ToString();
        var origin = request.Headers.Origin.ToString();
        return site switch
        {
            "same-origin" or "none" => true,
            "same-site" => IsThisHost(origin, request),
            "" => origin.Length == 0 || IsThisHost(origin, request),
            _ => false,
        };
    }

    private static bool IsThisHost(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && string.Equals(uri.IsDefaultPort ? uri.Host : uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Takes the place of the antiforgery token on an action whose forms must not set a cookie: a cross-site post is
/// answered with the Dutch 403 page and changes nothing. As the closest antiforgery policy it stands in for the
/// site-wide token check on that action.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class RequireSameOriginAttribute : Attribute, IAuthorizationFilter, IAntiforgeryPolicy, IOrderedFilter
{
    /// <summary>The order of the token filters, so that on its action this one is the closest antiforgery policy.</summary>
    public int Order => 1000;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!CrossOriginProtection.Allows(context.HttpContext.Request))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
        }
    }
}
