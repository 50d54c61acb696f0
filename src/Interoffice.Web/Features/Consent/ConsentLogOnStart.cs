namespace Interoffice.Web.Features.Consent;

/// <summary>
/// At start: stores the snapshot of what visitors are shown from now on, and logs the log's last hash. It runs once the
/// server listens (the first page need not wait for it; the start still does, and a choice stores the snapshot itself).
/// It never changes a record: a record without its seal stays a break for the verifier to name.
/// </summary>
internal sealed partial class ConsentLogOnStart(IServiceScopeFactory scopes, ConsentPolicyProvider policy, ConsentLogSigner signer, ILogger<ConsentLogOnStart> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!signer.IsSigning)
        {
            LogUnsigned(logger);
        }

        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var log = scope.ServiceProvider.GetRequiredService<ConsentLog>();
            await log.EnsureSnapshotAsync(policy.Current, CancellationToken.None);
            await log.LogHeadAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The first choice stores it as well; a database that is not reachable yet must not stop the site.
            LogFailed(logger, ex);
        }
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Warning, "The consent log is NOT signed: set Consent:SigningKeyPath or Consent:SigningKey (docs/consent-log.md); choices are still chained, but whoever controls the database can rewrite them unseen")]
    private static partial void LogUnsigned(ILogger logger);

    [LoggerMessage(LogLevel.Warning, "The consent log could not be prepared at start; the first choice stores the snapshot")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
