using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;
using Serilog.Settings.Configuration;

namespace Interoffice.Web.Infrastructure.Hosting;

public static class LoggingExtensions
{
    private const string DevelopmentTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>Logs start-up until the host's own logger, read from configuration, takes over.</summary>
    public static Serilog.ILogger CreateBootstrapLogger() =>
        new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .CreateBootstrapLogger();

    /// <summary>
    /// Serilog from the <c>Serilog</c> section. The console sink is set here, not in configuration:
    /// readable text in Development, compact JSON for log collectors everywhere else.
    /// The host keeps a logger of its own (preserveStaticLogger): the static one stays the bootstrap
    /// logger for start-up failures, and two hosts in one process (tests) never write to each other's sinks.
    /// </summary>
    public static IHostApplicationBuilder AddSiteLogging(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddSerilog(
            (services, logger) =>
            {
                // The reader is given the shipped sinks' assemblies instead of searching every assembly (a twentieth of a
                // second at start).
                logger.ReadFrom.Configuration(builder.Configuration, new ConfigurationReaderOptions(
                    typeof(Log).Assembly,
                    typeof(ConsoleLoggerConfigurationExtensions).Assembly,
                    typeof(FileLoggerConfigurationExtensions).Assembly,
                    typeof(LoggerConfigurationAsyncExtensions).Assembly))
                    .ReadFrom.Services(services)
                    .Enrich.FromLogContext();
                if (development)
                {
                    logger.WriteTo.Console(outputTemplate: DevelopmentTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
                }
                else
                {
                    // Written by a background thread: a request does not wait for (or queue behind) the console.
                    // Events wait in a buffer of 10,000; a flood that fills it slows requests down instead of losing
                    // events (warnings then matter most). Flushed when the site stops.
                    logger.WriteTo.Async(sink => sink.Console(new RenderedCompactJsonFormatter()), blockWhenFull: true);
                }
            },
            preserveStaticLogger: true);
        return builder;
    }

    /// <summary>
    /// One line per request: method, path (never the query string, which may hold personal data),
    /// status and elapsed time. Probes of the health endpoints are logged at Debug only.
    /// </summary>
    public static IApplicationBuilder UseSiteRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(o =>
        {
            o.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0} ms";
            o.GetLevel = (context, _, exception) =>
                exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
                : context.Request.Path.StartsWithSegments("/healthz") || context.Request.Path.StartsWithSegments("/readyz") ? LogEventLevel.Debug
                : LogEventLevel.Information;
        });
}
