using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Interoffice.Web.Infrastructure.Hosting;

/// <summary>
/// Takes the place of the antiforgery token on an action whose forms must not set a cookie: a cross-site post is
/// answered with the Dutch 403 page and changes nothing, and so is a post that carries none of the browser's signals
/// (Sec-Fetch-Site, Origin, Referer). As the closest antiforgery policy it stands in for the site-wide token check.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class RequireSameOriginAttribute : Attribute, IAuthorizationFilter, IAntiforgeryPolicy, IOrderedFilter
{
    /// <summary>The order of the token filters, so that on its action this one is the closest antiforgery policy.</summary>
    public int Order => 1000;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.HttpContext.Request;
        var site = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SiteOptions>>().Value;
        if (!CrossOriginProtection.Allows(request, site.PublicBaseUrl(request), withoutSignals: false))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
        }
    }
}
