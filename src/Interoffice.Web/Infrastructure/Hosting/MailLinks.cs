using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;

namespace Interoffice.Web.Infrastructure.Hosting;

/// <summary>
/// Where a link in a mail points. A mail outlives the request that caused it and its reader trusts its links, so the
/// address comes from <c>Site:BaseUrl</c>, or from the request only where the Host header cannot be made up: in
/// Development, or with <c>AllowedHosts</c> naming the hosts. Otherwise a forged Host would put the attacker's site in a
/// genuine mail, with a confirmation link's secret in it.
/// </summary>
public sealed class MailLinks(IOptions<SiteOptions> site, IOptions<HostFilteringOptions> filtering, IHostEnvironment environment)
{
    /// <summary>The base for links in a mail (no trailing slash), or null when this request's host cannot be trusted for it.</summary>
    public string? BaseUrl(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.IsNullOrEmpty(site.Value.BaseUrl))
        {
            return site.Value.PublicBaseUrl(request);
        }

        var hosts = filtering.Value.AllowedHosts;
        var named = hosts is { Count: > 0 } && !hosts.Contains("*");
        return environment.IsDevelopment() || named ? site.Value.PublicBaseUrl(request) : null;
    }
}
