using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Interoffice.Web.Infrastructure.Data;

/// <summary>Switches on SQLite's <c>secure_delete</c> for every connection the site opens (it is not kept in the file).</summary>
public sealed class SqliteSecureDeleteInterceptor : DbConnectionInterceptor
{
    /// <summary>The pragma, for connections the site opens outside EF Core (the backup verb).</summary>
    public const string Pragma = "PRAGMA secure_delete = ON;";

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
