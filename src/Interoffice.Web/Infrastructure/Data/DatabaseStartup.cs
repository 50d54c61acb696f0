namespace Interoffice.Web.Infrastructure.Data;

/// <summary>
/// Migrates an embedded database beside the server instead of before it: the migration starts as the host starts, and
/// the start still ends (or fails) with it. Until then every connection waits at the <see cref="DatabaseGate"/>.
/// </summary>
internal sealed class DatabaseStartup(IServiceProvider services, DatabaseGate gate) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        gate.Hold(() => services.MigrateSiteDatabaseAsync(CancellationToken.None));
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => gate.Ready;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
