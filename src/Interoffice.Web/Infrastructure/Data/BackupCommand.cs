using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Interoffice.Web.Infrastructure.Data;

/// <summary>
/// <c>backup --to PATH</c>: a consistent copy of the SQLite database, made with SQLite's online backup API while the
/// site keeps running. The copy is checked, made self-contained (no write-ahead log) and only then put in place.
/// SQL Server has backups of its own.
/// </summary>
public static class BackupCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var index = Array.IndexOf(args, "--to");
        var to = index >= 0 && index + 1 < args.Length ? args[index + 1].Trim() : null;
        if (string.IsNullOrEmpty(to))
        {
            await error.WriteLineAsync("Gebruik: backup --to /pad/naar/reservekopie.db");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        if (!db.Database.IsSqlite())
        {
            await error.WriteLineAsync(
                "De site gebruikt SQL Server: maak reservekopieën met de databaseserver zelf (BACKUP DATABASE, of de geplande " +
                "back-ups van de beheerder van de server). Dit commando kopieert alleen de ingebouwde SQLite-database.");
            return 1;
        }

        var source = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false };
        if (!File.Exists(source.DataSource))
        {
            await error.WriteLineAsync($"Er is geen database op {source.DataSource}.");
            return 1;
        }

        var target = Path.GetFullPath(to);
        if (Directory.Exists(target))
        {
            await error.WriteLineAsync($"{target} is een map; geef de naam van het bestand voor de reservekopie, bijvoorbeeld {Path.Combine(target, "interoffice.db")}.");
            return 2;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = $"{target}.{Guid.NewGuid():N}.part";
        try
        {
            var counts = new List<string>();
            await using (var from = new SqliteConnection(source.ToString()))
            await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
            {
                await from.OpenAsync();
                await copy.OpenAsync();
                await ExecuteAsync(from, SqlitePragmas.Pragma);
                await ExecuteAsync(copy, SqlitePragmas.Pragma);

                // One step: the copy is the database as it stood at one moment, while writers go on in the write-ahead log.
                from.BackupDatabase(copy);
                await ExecuteAsync(copy, "PRAGMA journal_mode = DELETE;");
                var check = (string?)await ScalarAsync(copy, "PRAGMA integrity_check;");
                if (check != "ok")
                {
                    await error.WriteLineAsync($"De reservekopie is niet in orde ({check}); er is niets geschreven naar {target}.");
                    return 1;
                }

                foreach (var (entity, one, many) in scope.ServiceProvider.GetRequiredService<IOptions<BackupOptions>>().Value.Counts)
                {
                    var table = db.Model.FindEntityType(entity)?.GetTableName() ?? throw new InvalidOperationException($"{entity.Name} is not in the model.");
                    var rows = (long)(await ScalarAsync(copy, $"SELECT COUNT(*) FROM \"{table}\";"))!;
                    counts.Add($"{rows} {(rows == 1 ? one : many)}");
                }
            }

            File.Move(partial, target, overwrite: true);
            await output.WriteLineAsync($"Reservekopie geschreven naar {target}: {string.Join(", ", [.. counts, "gecontroleerd"])}.");
            return 0;
        }
        finally
        {
            File.Delete(partial);
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
