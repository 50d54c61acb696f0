namespace Interoffice.Web.Infrastructure.Hosting;

/// <summary>
/// Notices requests that carry <c>X-Forwarded-For</c> while no proxy is configured: the site then stands behind a
/// proxy it does not believe, so every visitor arrives from the proxy's address and shares one rate-limit budget.
/// Logged once as a warning and shown on the staff pages, as an absent mail server is.
/// </summary>
public sealed partial class UnconfiguredProxy(ILogger<UnconfiguredProxy> logger)
{
    private int seen;

    public bool Seen => Volatile.Read(ref seen) == 1;

    public void Notice(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Volatile.Read(ref seen) == 0 && request.Headers.ContainsKey("X-Forwarded-For") && Interlocked.Exchange(ref seen, 1) == 0)
        {
            LogUnconfigured(logger);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Requests carry X-Forwarded-For but no proxy is configured (ForwardedHeaders:KnownProxies or KnownNetworks): every visitor shares the proxy's address and one rate-limit budget")]
    private static partial void LogUnconfigured(ILogger logger);
}
