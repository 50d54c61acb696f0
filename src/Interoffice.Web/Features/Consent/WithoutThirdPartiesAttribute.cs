using Microsoft.AspNetCore.Mvc.Filters;

namespace Interoffice.Web.Features.Consent;

/// <summary>
/// A page whose address carries a secret (a link from a mail) loads no third-party script, whatever the visitor
/// consented to: an analytics tag would send the whole address, secret and all, to its owner.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class WithoutThirdPartiesAttribute : Attribute, IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.HttpContext.Features.Set(this);
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }

    public static bool Applies(HttpContext context) => context?.Features.Get<WithoutThirdPartiesAttribute>() is not null;
}
