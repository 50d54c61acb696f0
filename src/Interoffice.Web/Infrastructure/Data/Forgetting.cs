using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Interoffice.Web.Infrastructure.Data;

/// <summary>
/// Deleted personal data must be gone from the files, not only from the tables. SQLite keeps the bytes of deleted
/// rows in freed space of the database file and in old pages of its write-ahead log; <c>secure_delete</c> on every
/// connection overwrites freed space with zeros, and a truncating checkpoint after an erasure empties the log.
/// </summary>
public static partial class Forgetting
{
    /// <summary>
    /// Runs <paramref name="work"/> in one transaction (retried as a whole where the provider retries), so that a
    /// deletion and what is recorded about it land together or not at all; then lets the database forget the freed pages.
    /// </summary>
    public static async Task<T> DeleteInTransactionAsync<T>(this SiteDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(work);
        var retry = false;
        var result = await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            // A try that is repeated starts from nothing tracked: what the failed one queued (its audit entry) is not written twice.
            if (retry)
            {
                db.ChangeTracker.Clear();
            }

            retry = true;
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var outcome = await work(token);
            await transaction.CommitAsync(token);
            return outcome;
        }, cancellationToken);

        // Committed: the deleted rows are gone, so the log is emptied even if the caller stops waiting now.
        await db.ForgetDeletedAsync(CancellationToken.None);
        return result;
    }

    /// <summary>
    /// On SQLite: copies the write-ahead log into the database file and truncates it to nothing, so that old versions
    /// of deleted rows do not linger there. Waits briefly for readers that still hold an older snapshot.
    /// </summary>
    public static async Task ForgetDeletedAsync(this SiteDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsSqlite())
        {
            return;
        }

        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            for (var attempt = 1; ; attempt++)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);

                // One row: busy (1 when a reader kept the checkpoint from finishing), log frames, checkpointed frames.
                var busy = await reader.ReadAsync(cancellationToken) && reader.GetInt32(0) != 0;
                if (!busy)
                {
                    return;
                }

                if (attempt == 20)
                {
                    LogCheckpointBusy(db.GetService<ILoggerFactory>().CreateLogger(typeof(Forgetting)));
                    return;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), cancellationToken);
            }
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "The write-ahead log could not be emptied after a deletion: a reader kept it busy. The next deletion tries again.")]
    private static partial void LogCheckpointBusy(ILogger logger);
}
