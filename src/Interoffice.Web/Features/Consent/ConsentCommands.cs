namespace Interoffice.Web.Features.Consent;

/// <summary>
/// <c>consent verify</c>: walks the consent log and its snapshots. Prints "intact" with the number of records and
/// exits 0, or names the first record (or snapshot) where the chain breaks and exits 1.
/// </summary>
public static class ConsentCommands
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Length < 2 || args[1] != "verify")
        {
            await error.WriteLineAsync("Gebruik: consent verify");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var verdict = await scope.ServiceProvider.GetRequiredService<ConsentLogVerifier>().VerifyAsync(CancellationToken.None);
        await (verdict.Intact ? output : error).WriteLineAsync(verdict.Describe());
        foreach (var warning in verdict.Warnings)
        {
            await error.WriteLineAsync("Let op: " + warning);
        }

        if (verdict.Intact)
        {
            await output.WriteLineAsync($"Laatste hash: {verdict.Head}");
        }

        return verdict.Intact ? 0 : 1;
    }
}

/// <summary>
/// At start, before visitors choose: seals records from before the chain, stores the snapshot of what visitors are
/// shown from now on, and logs the log's last hash.
/// </summary>
internal sealed partial class ConsentLogOnStart(IServiceScopeFactory scopes, ConsentPolicyProvider policy, ILogger<ConsentLogOnStart> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var log = scope.ServiceProvider.GetRequiredService<ConsentLog>();
            await log.SealUnsealedAsync(CancellationToken.None);
            await log.EnsureSnapshotAsync(policy.Current, CancellationToken.None);
            await log.LogHeadAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The first choice stores it as well; a database that is not reachable yet must not stop the site.
            LogFailed(logger, ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Warning, "The consent log could not be prepared at start; the first choice seals and stores what is needed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
