using System.Collections.Concurrent;
using System.Net;
using Interoffice.Web.Features.Contact;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Interoffice.Web.Tests.Data;

/// <summary>The operator's <c>backup</c> verb, run on the published program beside a running site.</summary>
public sealed class BackupTests
{
    [Fact]
    public async Task A_backup_taken_while_visitors_keep_writing_is_whole_and_holds_every_submission_accepted_before_it()
    {
        await using var site = new SiteFactory();
        var accepted = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var visitors = Task.Run(async () =>
        {
            using var visitor = Visitor.Of(site);
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var (response, _) = await ContactPoster.PostAsync(visitor, ContactPoster.Valid(message: $"Bericht {i} tijdens de reservekopie"));
                if (response.StatusCode == HttpStatusCode.SeeOther)
                {
                    accepted.Enqueue(await ContactPoster.ReferenceAsync(visitor, response));
                }
            }
        });
        await Eventually.TrueAsync(() => accepted.Count >= 20, "visitors are writing");

        var before = accepted.ToArray();
        var target = Path.Combine(site.DataFolder, "reservekopieen", "interoffice-kopie.db");
        var backup = await SiteProcess.RunAsync(["backup", "--to", target], new Dictionary<string, string> { ["ConnectionStrings__Default"] = $"Data Source={site.DatabasePath}" });
        var acceptedMeanwhile = accepted.Count - before.Length;
        await stop.CancelAsync();
        await visitors;

        Assert.True(backup.ExitCode == 0, backup.Output);
        Assert.True(acceptedMeanwhile > 0, "visitors went on writing while the backup ran");
        await using (var copy = new SqliteConnection($"Data Source={target};Mode=ReadOnly;Pooling=False"))
        {
            await copy.OpenAsync();
            Assert.Equal("ok", await ScalarAsync(copy, "PRAGMA integrity_check;"));
            Assert.Equal("delete", await ScalarAsync(copy, "PRAGMA journal_mode;"));
            var references = new List<string>();
            await using (var command = copy.CreateCommand())
            {
                command.CommandText = "SELECT Reference FROM ContactSubmissions";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    references.Add(reader.GetString(0));
                }
            }

            Assert.Subset(references.ToHashSet(), before.ToHashSet());
            Assert.Contains($"Reservekopie geschreven naar {target}: {references.Count} berichten", backup.Output, StringComparison.Ordinal);
        }

        // Restored as the README says (the site stopped, the file put in place, the site started): it runs on the copy.
        var restored = SiteProcess.NewDatabasePath();
        File.Copy(target, restored);
        var again = new SiteFactory { DatabasePath = restored };
        await using (again)
        {
            await using var scope = again.Services.CreateAsyncScope();
            var stored = await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Set<ContactSubmission>().Select(s => s.Reference).ToListAsync();
            Assert.Subset(stored.ToHashSet(), before.ToHashSet());
        }

        // Only once the site on it has stopped: its files are still open until then.
        Directory.Delete(Path.GetDirectoryName(restored)!, recursive: true);
    }

    [Fact]
    public async Task Without_a_target_the_backup_verb_says_how_to_use_it()
    {
        await using var site = new SiteFactory();
        using var _ = site.CreateClient();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await BackupCommand.RunAsync(site.Services, ["backup"], output, error);

        Assert.Equal(2, code);
        Assert.Contains("Gebruik: backup --to", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_SQL_Server_the_backup_verb_points_to_the_servers_own_backups_and_fails()
    {
        var result = await SiteProcess.RunAsync(["backup", "--to", Path.Combine(Path.GetTempPath(), "nooit.db")], new Dictionary<string, string>
        {
            ["Database__Provider"] = "SqlServer",
            ["ConnectionStrings__Default"] = "Server=127.0.0.1,1;Database=Interoffice;User Id=sa;Password=nooit-gebruikt;TrustServerCertificate=True;Connect Timeout=1",
        });

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("SQL Server", result.Output, StringComparison.Ordinal);
        Assert.Contains("BACKUP DATABASE", result.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), "nooit.db")));
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string?)await command.ExecuteScalarAsync();
    }
}
