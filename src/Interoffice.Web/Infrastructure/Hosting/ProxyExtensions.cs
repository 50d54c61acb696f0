using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Interoffice.Web.Infrastructure.Hosting;

/// <summary>Believes X-Forwarded-For/-Proto from the configured proxies only.</summary>
public static class ProxyExtensions
{
    public static IHostApplicationBuilder AddProxies(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ProxyOptions>()
            .BindConfiguration(ProxyOptions.SectionName)
            .Validate(o => o.IsValid(), "ForwardedHeaders:KnownProxies must hold IP addresses and ForwardedHeaders:KnownNetworks networks such as 10.0.0.0/24.")
            .ValidateOnStart();
        builder.Services.AddSingleton<UnconfiguredProxy>();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<Microsoft.Extensions.Options.IOptions<ProxyOptions>>((o, proxies) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // Only what is configured, not the loopback defaults (the middleware is not used when nothing is).
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies.Value.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in proxies.Value.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return builder;
    }
}
