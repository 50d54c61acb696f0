namespace Interoffice.Web.Infrastructure.Data;

/// <summary>
/// The retention schedule: at start and then once a day it runs every feature's <see cref="IRetentionTask"/>, logs how
/// many each deleted, and lets the database forget the freed pages. The first round runs once the server listens and
/// the database is ready, and the start ends with it: nothing else writes beside it then.
/// </summary>
public sealed partial class RetentionJob(IServiceScopeFactory scopes, TimeProvider time, DatabaseGate database, ILogger<RetentionJob> logger)
    : BackgroundService, IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        if (await database.WaitUntilPreparedAsync(cancellationToken))
        {
            await RunLoggedAsync(cancellationToken);
        }
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

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
        using var timer = new PeriodicTimer(TimeSpan.FromDays(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await RunLoggedAsync(stoppingToken);
        }
    }

    private async Task RunLoggedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RunOnceAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(LogLevel.Information, "Retention: deleted {Count} {What:l}")]
    private static partial void LogDeleted(ILogger logger, int count, string what);

    [LoggerMessage(LogLevel.Error, "Retention of {What:l} failed; it runs again tomorrow")]
    private static partial void LogTaskFailed(ILogger logger, Exception exception, string what);

    [LoggerMessage(LogLevel.Error, "Retention failed; it runs again tomorrow")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
