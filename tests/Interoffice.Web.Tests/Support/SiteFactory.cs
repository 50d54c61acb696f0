using System.Collections.Concurrent;
using Interoffice.Web.Features.Contact;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Serilog.Core;
using Serilog.Events;

namespace Interoffice.Web.Tests.Support;

/// <summary>
/// The site as a visitor meets it in production, on a SQLite database file of its own and on a clock the test moves
/// (<see cref="Clock"/>, frozen at <see cref="TestTime.Start"/>). Settings are given before the first request; every
/// factory is a separate site instance.
/// </summary>
public class SiteFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings = new(StringComparer.Ordinal);
    private readonly string databasePath = Path.Combine(Path.GetTempPath(), "interoffice-tests", $"{Guid.NewGuid():N}", "interoffice.db");

    // A second instance on another's database leaves the file to its owner.
    private readonly bool ownsDatabase = true;

    /// <summary>The SQLite file; give another instance's path for a second instance on the same database, as behind a load balancer.</summary>
    public string DatabasePath
    {
        get => databasePath;
        init
        {
            databasePath = value;
            ownsDatabase = false;
        }
    }

    /// <summary>The site's data folder, as App_Data is in production: the database (with its -wal and -shm) and the mail pickup folder.</summary>
    public string DataFolder => Path.GetDirectoryName(DatabasePath)!;

    /// <summary>Where staff mail is written when no mail server is set.</summary>
    public string PickupFolder => Path.Combine(DataFolder, "mail");

    public string EnvironmentName { get; set; } = "Production";

    /// <summary>
    /// False for an instance whose outbox sends only when the test calls <c>OutboxSender.SendDueAsync</c> (a second
    /// instance that must look in at a moment the test chooses).
    /// </summary>
    public bool SendsMailByItself { get; init; } = true;

    /// <summary>The site's clock: it stands still until the test moves it, so nothing depends on how fast the machine is.</summary>
    public FakeTimeProvider Clock { get; init; } = TestTime.NewClock();

    /// <summary>Every log event the site wrote, as an operator's log collector would receive it.</summary>
    public ConcurrentQueue<LogEvent> LogEvents { get; } = new();

    public SiteFactory With(string key, string? value)
    {
        settings[key] = value;
        return this;
    }

    /// <summary>Mail goes to a real SMTP server on loopback, without TLS.</summary>
    public SiteFactory WithSmtp(SmtpSink smtp)
    {
        ArgumentNullException.ThrowIfNull(smtp);
        return With("Smtp:Host", "127.0.0.1")
            .With("Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("Smtp:Security", "None");
    }

    /// <summary>Every third-party service on, with test ids, and a video on the about page.</summary>
    public SiteFactory WithAllServices() => this
        .With("Consent:Services:GoogleAnalytics:Id", "G-TEST123456")
        .With("Consent:Services:Hotjar:Id", "3000001")
        .With("Consent:Services:GoogleAds:Id", "AW-4000000001")
        .With("Consent:Services:MetaPixel:Id", "5000000000000001")
        .With("Consent:Services:LinkedInInsight:Id", "6000001")
        .With("Consent:Services:YouTube:Enabled", "true")
        .With("Site:AboutVideoId", "abcdefghijk");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        builder.UseEnvironment(EnvironmentName);

        // Outside Development the build output's static assets (their compressed copies live under obj/)
        // are found only through the static web assets manifest; a published site has them in wwwroot.
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={DatabasePath}");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Information");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft", "Warning");

        // Tests post forms at once and many times; the tests of these checks set them back.
        builder.UseSetting("Contact:MinimumSecondsToFill", "0");
        builder.UseSetting("Contact:RateLimitPermits", "100000");
        builder.UseSetting("Newsletter:MinimumSecondsToFill", "0");
        builder.UseSetting("Newsletter:RateLimitPermits", "100000");
        builder.UseSetting("MyData:MinimumSecondsToFill", "0");
        builder.UseSetting("MyData:RateLimitPermits", "100000");
        builder.UseSetting("Staff:SignInRateLimitPermits", "100000");
        builder.UseSetting("Consent:ChoiceRateLimitPermits", "100000");
        builder.UseSetting("Mail:PollIntervalSeconds", "0.2");
        builder.UseSetting("Mail:RetryDelaySeconds", "0.2");
        builder.UseSetting("Smtp:PickupDirectory", PickupFolder);
        builder.UseSetting("Consent:SigningKey", SigningKeys.Default);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton<ILogEventSink>(new CollectingSink(LogEvents));
            services.AddSingleton<TimeProvider>(Clock);

            // Identity's own hasher and format, with 1,000 rounds instead of 100,000: the tests check what a password
            // decides, not what it costs (half the suite's CPU went into hashing); bench/sign-in-timing.sh measures that.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);

            // Schedules run when a test calls them (RunOnceAsync), never by themselves when a test moves the clock.
            foreach (var schedule in services.Where(s => IsSchedule(s) || (!SendsMailByItself && Runs<OutboxSender>(s))).ToList())
            {
                services.Remove(schedule);
            }
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        SqliteConnection.ClearAllPools();
        if (!ownsDatabase)
        {
            return;
        }

        if (Directory.Exists(DataFolder))
        {
            Directory.Delete(DataFolder, recursive: true);
        }
    }

    // Registered as AddHostedService(sp => sp.GetRequiredService<RetentionJob>()): the factory's return type names the job.
    private static bool IsSchedule(ServiceDescriptor service) => Runs<RetentionJob>(service) || Runs<DeadlineReminder>(service);

    private static bool Runs<T>(ServiceDescriptor service) =>
        service.ServiceType == typeof(IHostedService) && service.ImplementationFactory?.Method.ReturnType == typeof(T);

    private sealed class CollectingSink(ConcurrentQueue<LogEvent> events) : ILogEventSink
    {
        public void Emit(LogEvent logEvent) => events.Enqueue(logEvent);
    }
}
