using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Infrastructure.Data;

/// <summary>
/// Writes that must never run beside each other, on any instance sharing the database: each runs in one transaction
/// that holds the database's write lock on SQLite (BEGIN IMMEDIATE, Microsoft.Data.Sqlite's default) or an exclusive
/// application lock on SQL Server, both until commit. Writers wait for each other instead of racing and retrying.
/// </summary>
public static class SerializedWrites
{
    /// <summary>SQL Server's lock, held by the transaction until it ends; {0} is the resource. A lock not granted in 30 s is an error.</summary>
    public const string SqlServerLock =
        "DECLARE @granted int; EXEC @granted = sp_getapplock @Resource = {0}, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 30000; "
        + "IF @granted < 0 THROW 51000, 'The application lock was not granted.', 1;";

    public static async Task<T> RunSerializedAsync<T>(this SiteDbContext db, string resource, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(work);
        var retry = false;
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            // A try that is repeated (SQL Server's transient errors) starts from nothing tracked.
            if (retry)
            {
                db.ChangeTracker.Clear();
            }

            retry = true;
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            if (db.Database.IsSqlServer())
            {
                await db.Database.ExecuteSqlRawAsync(SqlServerLock, [resource], token);
            }

            var outcome = await work(token);
            await transaction.CommitAsync(token);
            return outcome;
        }, cancellationToken);
    }
}
