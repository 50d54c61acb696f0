using System.Threading.Channels;

namespace Interoffice.Web.Features.Consent;

/// <summary>
/// Group commit: the one writer of this instance takes every choice waiting, appends them in one transaction with a
/// signed head (<see cref="ConsentLogBatch"/>), and only then answers each request. Choices never wait on each other's
/// commit, no lock is held across requests, and what was answered is durable. Stopping drains what was accepted.
/// </summary>
public sealed partial class ConsentLogWriter(IServiceScopeFactory scopes, ConsentLogAnchoring anchoring, ILogger<ConsentLogWriter> logger) : BackgroundService
{
    private const int MaxBatch = 500;

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>
    /// Queues the record and waits until it is committed. A visitor who leaves stops the wait, not the write: the
    /// choice is logged all the same, as its cookie may already have reached the browser.
    /// </summary>
    public Task AppendAsync(ConsentRecord record, ConsentPolicy policy, CancellationToken cancellationToken)
    {
        var pending = new Pending(record, policy, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The consent log is stopping and takes no more choices.");
        }

        return pending.Done.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);

        // Not stopped by the token: the queue is closed at stop and emptied first.
        while (await queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ConsentLogBatch>()
                    .WriteAsync([.. batch.Select(p => p.Record)], batch.Select(p => p.Policy), CancellationToken.None);
                batch.ForEach(p => p.Done.TrySetResult());
                anchoring.HeadSigned();
            }
            catch (Exception ex)
            {
                LogBatchFailed(logger, ex, batch.Count);
                batch.ForEach(p => p.Done.TrySetException(ex));
            }

            batch.Clear();
        }
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Writer.TryComplete();
        return base.StopAsync(cancellationToken);
    }

    [LoggerMessage(LogLevel.Error, "Consent log: a batch of {Count} choices could not be written; each of their requests fails")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);

    private sealed record Pending(ConsentRecord Record, ConsentPolicy Policy, TaskCompletionSource Done);
}
