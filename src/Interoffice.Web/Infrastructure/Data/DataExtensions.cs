using Interoffice.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Interoffice.Web.Infrastructure.Data;

public static class DataExtensions
{
    private static readonly SqlitePragmas Pragmas = new();
    private static readonly StoredLengthGuard Lengths = new();

    // Migrate would first compare the model with the migrations' snapshot (built for it, at every start); the tests do
    // that instead (DatabaseTests: the migrations cover the whole model), so a build that fails it does not ship.
    private static void SkipModelCheck(WarningsConfigurationBuilder warnings) => warnings.Ignore(RelationalEventId.PendingModelChangesWarning);

    /// <summary>
    /// Registers <see cref="SiteDbContext"/> on the configured provider, the readiness check on it
    /// and Data Protection keys stored in it, so that every instance shares antiforgery and sign-in.
    /// </summary>
    public static IHostApplicationBuilder AddSiteDatabase(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var provider = builder.Configuration.GetValue(
            $"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.Provider)}", DatabaseProvider.Sqlite);
        var connectionString = builder.Configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "ConnectionStrings:Default is empty. Set it to a SQLite path (Data Source=App_Data/interoffice.db) or a SQL Server connection string.");
        }

        builder.Services.AddSingleton<DatabaseGate>();
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = ResolveSqlitePath(connectionString, builder.Environment.ContentRootPath);
                // The options are built once (they depend on configuration only), not for every request's context.
                builder.Services.AddDbContext<SiteDbContext, SqliteSiteDbContext>(
                    (sp, o) => o.UseSqlite(sqlite).AddInterceptors(sp.GetRequiredService<DatabaseGate>(), Pragmas, Lengths).ConfigureWarnings(SkipModelCheck),
                    optionsLifetime: ServiceLifetime.Singleton);
                break;
            case DatabaseProvider.SqlServer:
                builder.Services.AddDbContext<SiteDbContext, SqlServerSiteDbContext>(
                    o => o.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure()).AddInterceptors(Lengths).ConfigureWarnings(SkipModelCheck),
                    optionsLifetime: ServiceLifetime.Singleton);
                break;
            default:
                throw new InvalidOperationException($"Database:Provider '{provider}' is not supported; use Sqlite or SqlServer.");
        }

        if (builder.Configuration.MigratesOnStart())
        {
            // Migrated beside the server, so that the first page need not wait for it (docs/measuring.md).
            builder.Services.AddHostedService<DatabaseStartup>();
        }

        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);

        builder.Services.AddDataProtection()
            .SetApplicationName("Interoffice.Web")
            .PersistKeysToDbContext<SiteDbContext>()
            .UseCryptographicAlgorithms(new Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel.AuthenticatedEncryptorConfiguration
            {
                EncryptionAlgorithm = Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.EncryptionAlgorithm.AES_256_GCM,
                ValidationAlgorithm = Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ValidationAlgorithm.HMACSHA256,
            });

        // Data Protection reads its key ring at first use, not before the server listens: its preloading service would
        // hold the first page until the migration is done. Taken out at build, as every later AddDataProtection adds it again.
        builder.ConfigureContainer(
            new DefaultServiceProviderFactory(builder.Environment.IsDevelopment()
                ? new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }
                : new ServiceProviderOptions()),
            services =>
            {
                var preload = services.FirstOrDefault(d => d.ServiceType == typeof(IHostedService)
                    && d.ImplementationType?.FullName == "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService");
                if (preload is not null)
                {
                    services.Remove(preload);
                }
            });

        // The daily schedule; each feature registers what it deletes (AddRetentionTask).
        builder.Services.AddRetentionSchedule();

        // The operator's verbs: migrate before starting a SQL Server deployment, back up SQLite while the site runs.
        builder.Services.AddVerb("migrate", MigrateCommand.RunAsync);
        builder.Services.AddVerb("backup", (services, args) => BackupCommand.RunAsync(services, args, Console.Out, Console.Error));
        return builder;
    }

    /// <summary>Applies pending migrations of the configured provider.</summary>
    public static async Task MigrateSiteDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets readers go on while a form post writes; it stays set in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>SQLite is embedded, so the default run migrates it at start; SQL Server is migrated by the operator.</summary>
    public static bool MigratesOnStart(this IConfiguration configuration) =>
        configuration.GetValue($"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.Provider)}", DatabaseProvider.Sqlite)
            == DatabaseProvider.Sqlite;

    // A relative SQLite path is taken from the content root, not the working directory,
    // so `dotnet run --project` from anywhere uses the same file.
    private static string ResolveSqlitePath(string connectionString, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (csb.DataSource is not (":memory:" or "") && !csb.DataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            if (!Path.IsPathRooted(csb.DataSource))
            {
                csb.DataSource = Path.GetFullPath(Path.Combine(contentRoot, csb.DataSource));
            }

            Directory.CreateDirectory(Path.GetDirectoryName(csb.DataSource)!);
        }

        return csb.ToString();
    }
}
