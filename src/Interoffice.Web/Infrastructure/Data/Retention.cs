using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Interoffice.Web.Infrastructure.Data;

/// <summary>
/// What one feature deletes once it has outlived its retention period. Each feature registers its own; the daily
/// <see cref="RetentionJob"/> runs them all. Deleted means gone from the files too (see <see cref="Forgetting"/>).
/// </summary>
public interface IRetentionTask
{
    /// <summary>What it deletes, as the log line names it ("contact submissions").</summary>
    string Name { get; }

    /// <summary>Deletes what is past its period at <paramref name="now"/>; returns how many.</summary>
    Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>What one run deleted, by the name of each task.</summary>
public sealed record RetentionResult(IReadOnlyDictionary<string, int> Deleted)
{
    public int this[string name] => Deleted.TryGetValue(name, out var count) ? count : 0;
}

/// <summary>
/// The retention schedule: at start and then once a day it runs every feature's <see cref="IRetentionTask"/>, logs how
/// many each deleted, and lets the database forget the freed pages.
/// </summary>
public sealed partial class RetentionJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<RetentionJob> logger) : BackgroundService
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

public static class RetentionExtensions
{
    /// <summary>
    /// Registers a feature's retention task with the daily schedule; a service the feature registered itself (scoped)
    /// is the same instance that runs.
    /// </summary>
    public static IServiceCollection AddRetentionTask<TTask>(this IServiceCollection services)
        where TTask : class, IRetentionTask
    {
        services.TryAddScoped<TTask>();
        services.AddScoped<IRetentionTask>(sp => sp.GetRequiredService<TTask>());
        return services;
    }

    public static IServiceCollection AddRetentionSchedule(this IServiceCollection services)
    {
        services.AddSingleton<RetentionJob>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionJob>());
        return services;
    }
}
