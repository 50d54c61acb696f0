namespace Interoffice.Web.Infrastructure.Data;

/// <summary>
/// Migrates an embedded database once the server listens, so the first page does not wait for it; the start still
/// ends (or fails) with the migration. From the host's first step on, every connection waits at the <see cref="DatabaseGate"/>.
/// </summary>
internal sealed class DatabaseStartup(IServiceProvider services, DatabaseGate gate) : IHostedLifecycleService
{
    private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        gate.Hold(async () =>
        {
            await listening.Task;
            await services.MigrateSiteDatabaseAsync(CancellationToken.None);
        });
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        listening.TrySetResult();
        return gate.Ready;
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
