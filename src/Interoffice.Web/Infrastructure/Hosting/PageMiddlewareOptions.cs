namespace Interoffice.Web.Infrastructure.Hosting;

/// <summary>
/// Middleware a feature adds to every page's way through the site (the consent of the request): after the security
/// headers, so it may widen their policy, and before the page cache and anything that renders.
/// </summary>
public sealed class PageMiddlewareOptions
{
    internal List<Type> Middleware { get; } = [];
}
