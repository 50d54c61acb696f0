namespace Interoffice.Web.Infrastructure.Data;

/// <summary>
/// The retention schedule: at start and then once a day it runs every feature's <see cref="IRetentionTask"/>, logs how
/// many each deleted, and lets the database forget the freed pages.
/// </summary>
public sealed partial class RetentionJob(IServiceScopeFactory scopes, TimeProvider time, DatabaseGate database, ILogger<RetentionJob> logger) : BackgroundService
{
    public async Task<RetentionResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var now = time.GetUtcNow();
        var deleted = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var task in scope.ServiceProvider.GetServices<IRetentionTask>())
        {
            // One feature's failure does not keep the others' data: each runs, the failure is logged.
            try
            {
                deleted[task.Name] = await task.DeleteExpiredAsync(now, cancellationToken);
                LogDeleted(logger, deleted[task.Name], task.Name);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogTaskFailed(logger, ex, task.Name);
            }
        }

        await scope.ServiceProvider.GetRequiredService<SiteDbContext>().ForgetDeletedAsync(cancellationToken);
        return new RetentionResult(deleted);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not beside the migration: the first page gets the other core.
        await database.Ready.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromDays(1), time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(LogLevel.Information, "Retention: deleted {Count} {What:l}")]
    private static partial void LogDeleted(ILogger logger, int count, string what);

    [LoggerMessage(LogLevel.Error, "Retention of {What:l} failed; it runs again tomorrow")]
    private static partial void LogTaskFailed(ILogger logger, Exception exception, string what);

    [LoggerMessage(LogLevel.Error, "Retention failed; it runs again tomorrow")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
