using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Interoffice.Web.Infrastructure.Hosting;

public static class ClientRateLimits
{
    /// <summary>
    /// A rate limit policy of so many requests per client (see <see cref="ClientOf"/>) per window, the numbers read from
    /// <typeparamref name="TOptions"/>. Behind a configured proxy the address comes from X-Forwarded-For
    /// (<see cref="ProxyOptions"/>). A refused request gets status 429, which the status-code pages turn into the Dutch page.
    /// </summary>
    public static IServiceCollection AddPerClientRateLimit<TOptions>(this IServiceCollection services, string policy, Func<TOptions, (int Permits, double WindowMinutes)> limits)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(limits);
        return services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(policy, context =>
            {
                var (permits, windowMinutes) = limits(context.RequestServices.GetRequiredService<IOptions<TOptions>>().Value);
                return RateLimitPartition.GetFixedWindowLimiter(
                    ClientOf(context.Connection.RemoteIpAddress),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(windowMinutes), QueueLimit = 0 });
            });
        });
    }

    /// <summary>
    /// Who a request is from, for a rate limit: an IPv4 address, or the /64 of an IPv6 address (one household or
    /// server gets a whole /64 and could otherwise take a new address for every request).
    /// </summary>
    public static string ClientOf(IPAddress? address)
    {
        if (address is null)
        {
            return "onbekend";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
