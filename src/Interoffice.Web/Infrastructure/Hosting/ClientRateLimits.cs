using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Interoffice.Web.Infrastructure.Hosting;

public static class ClientRateLimits
{
    /// <summary>
    /// A rate limit policy of so many requests per client address per window, the numbers read from
    /// <typeparamref name="TOptions"/>. Behind a proxy the address comes from X-Forwarded-For
    /// (ASPNETCORE_FORWARDEDHEADERS_ENABLED). A refused request gets status 429, which the status-code pages turn into
    /// the Dutch page.
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
                    context.Connection.RemoteIpAddress?.ToString() ?? "onbekend",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(windowMinutes), QueueLimit = 0 });
            });
        });
    }
}
