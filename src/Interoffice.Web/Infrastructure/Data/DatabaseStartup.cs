namespace Interoffice.Web.Infrastructure.Data;

/// <summary>
/// Migrates an embedded database once the server listens (or sooner, when something opens a connection first), so the
/// first page does not wait for it; the start still ends, and fails, with the migration, and stopping the site stops it.
/// From the host's first step on, every connection waits at the <see cref="DatabaseGate"/>.
/// </summary>
internal sealed class DatabaseStartup(IServiceProvider services, DatabaseGate gate, IHostApplicationLifetime lifetime) : IHostedLifecycleService
{
    private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        gate.Hold(async () =>
        {
            await Task.WhenAny(listening.Task, gate.Wanted);
            lifetime.ApplicationStopping.ThrowIfCancellationRequested();
            await services.MigrateSiteDatabaseAsync(lifetime.ApplicationStopping);
        });
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        listening.TrySetResult();
        return gate.Ready.WaitAsync(cancellationToken);
    }

    // A start that fails or is cancelled before the server listens never reaches StartedAsync: release the wait then.
    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        listening.TrySetResult();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
