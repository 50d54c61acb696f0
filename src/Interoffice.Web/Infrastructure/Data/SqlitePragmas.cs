using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Interoffice.Web.Infrastructure.Data;

/// <summary>
/// What SQLite does not keep in the file, set on every connection the site opens: <c>secure_delete</c> (freed space is
/// overwritten), and a busy timeout, so that a writer meeting another instance's write lock is let in by SQLite within
/// milliseconds of its release, instead of after Microsoft.Data.Sqlite's pause of 150 ms between tries.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    /// <summary>The pragmas, for connections the site opens outside EF Core (the backup verb).</summary>
    public const string Pragma = "PRAGMA secure_delete = ON; PRAGMA busy_timeout = 30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
