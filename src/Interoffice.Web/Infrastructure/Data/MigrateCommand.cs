namespace Interoffice.Web.Infrastructure.Data;

/// <summary><c>migrate</c>: applies the configured provider's migrations and exits, the step an operator runs before starting a SQL Server deployment.</summary>
public static partial class MigrateCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        ArgumentNullException.ThrowIfNull(services);
        await services.MigrateSiteDatabaseAsync();
        LogMigrated(services.GetRequiredService<ILoggerFactory>().CreateLogger("Interoffice.Web"));
        return 0;
    }

    [LoggerMessage(LogLevel.Information, "The database is migrated")]
    private static partial void LogMigrated(ILogger logger);
}
