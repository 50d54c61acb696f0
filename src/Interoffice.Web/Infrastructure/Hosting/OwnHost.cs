using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;

namespace Interoffice.Web.Infrastructure.Hosting;

/// <summary>
/// Only the site's own host is answered: outside Development, with <c>Site:BaseUrl</c> set and no <c>AllowedHosts</c> of
/// the operator's own, ASP.NET Core's host filtering allows the host of <c>Site:BaseUrl</c> alone (any other gets 400).
/// Without it every made-up Host header would be a page of its own to render, cache and link to.
/// </summary>
public static class OwnHost
{
    public static IHostApplicationBuilder AddOwnHost(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Environment.IsDevelopment() || !string.IsNullOrWhiteSpace(builder.Configuration["AllowedHosts"]))
        {
            return builder;
        }

        builder.Services.AddOptions<HostFilteringOptions>().PostConfigure<IOptions<SiteOptions>>((filtering, site) =>
        {
            if (site.Value.PublicHost is { } host)
            {
                filtering.AllowedHosts = [host];
            }
        });
        return builder;
    }
}
