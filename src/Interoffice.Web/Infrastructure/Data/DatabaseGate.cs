using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Interoffice.Web.Infrastructure.Data;

/// <summary>
/// Holds every connection the site opens while the database is being prepared (an embedded one is migrated beside the
/// server), so a page that needs no database is answered at once and one that does waits for the schema, never fails.
/// </summary>
public sealed class DatabaseGate : DbConnectionInterceptor
{
    // Set on the flow that prepares the database: its own connections pass.
    private static readonly AsyncLocal<bool> Preparing = new();
    private readonly TaskCompletionSource wanted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task ready = Task.CompletedTask;

    /// <summary>Completes when a connection first waits: whoever prepares the database need not wait any longer to begin.</summary>
    public Task Wanted => wanted.Task;

    /// <summary>Completes when the database is prepared; faults when preparing it failed.</summary>
    public Task Ready => ready;

    /// <summary>Starts <paramref name="prepare"/> on the thread pool; connections opened until it is done wait for it.</summary>
    public void Hold(Func<Task> prepare)
    {
        ArgumentNullException.ThrowIfNull(prepare);
        ready = Task.Run(async () =>
        {
            Preparing.Value = true;
            await prepare();
        });
    }

    /// <summary>Waits until the database is prepared; false when preparing it failed (the start then fails, and says why).</summary>
    public async Task<bool> WaitUntilPreparedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ready.WaitAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return false;
        }
    }

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        if (!Preparing.Value && !ready.IsCompletedSuccessfully)
        {
            // Data Protection's key store reads synchronously: such a request holds its thread until the migration ends.
            wanted.TrySetResult();
            ready.GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult> ConnectionOpeningAsync(
        DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (!Preparing.Value && !ready.IsCompletedSuccessfully)
        {
            wanted.TrySetResult();
            await ready.WaitAsync(cancellationToken);
        }

        return result;
    }
}
