using Microsoft.AspNetCore.Http.Extensions;

namespace Interoffice.Web.Infrastructure.Hosting;

/// <summary>
/// Every page has one address, in lower case: routing ignores case but the page cache does not, so each variant in
/// capitals would be a page of its own in the cache (2^17 for /privacyverklaring alone) and push the real ones out.
/// A GET or HEAD in any other case is answered with a 301 to the lower-case path, before any caching.
/// </summary>
public static class CanonicalPaths
{
    public static IApplicationBuilder UseLowerCasePaths(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var request = context.Request;
            var path = request.Path.Value;
            if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && path is not null && path.Any(char.IsUpper))
            {
                var lower = UriHelper.BuildRelative(request.PathBase, new PathString(path.ToLowerInvariant()), request.QueryString);
                context.Response.Redirect(lower, permanent: true);
                return Task.CompletedTask;
            }

            return next(context);
        });
}
