using System.Net;
using Interoffice.Web.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Interoffice.Web.Tests.Data;

/// <summary>A fresh database is migrated beside the server: the first visitor does not wait for it, and nobody gets an error from it.</summary>
public sealed class DatabaseStartupTests
{
    // The request log line, as it stands in the JSON log.
    private const string ContactAnswered = """/contact\" responded""";

    [Fact]
    public async Task A_visitor_gets_the_home_page_while_the_database_is_still_being_migrated_and_a_form_once_it_is()
    {
        var path = SiteProcess.NewDatabasePath();
        // Another writer (a second instance, a backup) holds the fresh file, so the migration cannot write yet; readers
        // still can (write-ahead log), so a page that read a table the migration has not made would fail, not wait.
        await using var writer = new SqliteConnection($"Data Source={path};Pooling=False");
        await writer.OpenAsync();
        await Execute(writer, "PRAGMA journal_mode=WAL; BEGIN IMMEDIATE;");

        await using var site = await RunningSite.StartAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__Default"] = $"Data Source={path}",
            ["Smtp__PickupDirectory"] = Path.Combine(Path.GetDirectoryName(path)!, "mail"),
        });
        using var home = await site.Client.GetAsync(new Uri("/", UriKind.Relative));
        using var notReady = await site.Client.GetAsync(new Uri("/readyz", UriKind.Relative));
        var contact = site.Client.GetAsync(new Uri("/contact", UriKind.Relative));
        // Pages asked for after it are answered while it still waits: it waits for the migration, not for its turn.
        for (var i = 0; i < 3; i++)
        {
            using var later = await site.Client.GetAsync(new Uri("/", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        }

        var contactWaited = !contact.IsCompleted;

        await Execute(writer, "ROLLBACK;");
        using var form = await contact;
        using var ready = await site.Client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Interoffice", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        Assert.True(contactWaited, "the contact page (its form token needs the key ring in the database) should wait for the migration");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("__RequestVerificationToken", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        // The log is written by a background writer in order: once the contact page's line is out, all before it is.
        await Eventually.TrueAsync(() => site.Output.Contains(ContactAnswered, StringComparison.Ordinal), "the contact page's line was logged");

        Assert.Contains($"{ContactAnswered} 200", site.Output, StringComparison.Ordinal);
        // The not-ready probe is logged as an error by design; no exception is (a page that met a missing table would be).
        Assert.DoesNotContain("\"@x\"", site.Output, StringComparison.Ordinal);
    }

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
