using System.Globalization;
using System.Net;

namespace Interoffice.Web.Features.Consent;

/// <summary>
/// Removes, from the server side, the first-party cookies of categories the visitor has not consented to:
/// expired Set-Cookie headers for the host and for each parent domain, where scripts such as Google Analytics
/// put their cookies. Browser-side clean-up alone misses those on a parent domain and those a script sets again.
/// </summary>
public static class CookiePurge
{
    private const string Expired = "=; expires=Thu, 01 Jan 1970 00:00:00 GMT; max-age=0; path=/";

    /// <summary>
    /// Expires every cookie in the request that belongs to a category not granted <paramref name="after"/> the request,
    /// and, for categories granted <paramref name="before"/> it and withdrawn since, every cookie name they are known to set.
    /// </summary>
    public static void ExpireRefused(HttpContext context, IEnumerable<EnabledService> services, ConsentContext before, ConsentContext after)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var withdrawn = before.Granted.Except(after.Granted).ToHashSet();
        if (withdrawn.Count == 0 && context.Request.Cookies.Count == 0)
        {
            // A first visit carries no cookie: nothing to expire.
            return;
        }

        var refusedCookies = services
            .Where(s => !after.IsGranted(s.Service.Category))
            .SelectMany(s => s.Service.Cookies.Where(c => c.IsFirstParty).Select(c => (s.Service.Category, Cookie: c)))
            .ToList();
        if (refusedCookies.Count == 0)
        {
            return;
        }

        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var requestCookie in context.Request.Cookies.Keys)
        {
            if (refusedCookies.Any(r => r.Cookie.Matches(requestCookie)))
            {
                names.Add(requestCookie);
            }
        }

        foreach (var (category, cookie) in refusedCookies)
        {
            if (withdrawn.Contains(category) && !cookie.Name.EndsWith('*'))
            {
                names.Add(cookie.Name);
            }
        }

        var domains = DomainsOf(context.Request.Host.Host);
        foreach (var name in names)
        {
            context.Response.Headers.Append("Set-Cookie", name + Expired);
            foreach (var domain in domains)
            {
                context.Response.Headers.Append("Set-Cookie", string.Create(CultureInfo.InvariantCulture, $"{name}{Expired}; domain={domain}"));
            }
        }
    }

    /// <summary>The host and its parent domains down to the registrable one (www.interoffice.nl → www.interoffice.nl, interoffice.nl).</summary>
    public static IReadOnlyList<string> DomainsOf(string host)
    {
        if (string.IsNullOrEmpty(host) || IPAddress.TryParse(host, out _) || !host.Contains('.', StringComparison.Ordinal))
        {
            return [];
        }

        var labels = host.TrimEnd('.').Split('.');
        return [.. Enumerable.Range(0, labels.Length - 1).Select(i => string.Join('.', labels[i..]))];
    }
}
