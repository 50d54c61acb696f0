using System.Diagnostics;
using Interoffice.Web.Features.Consent;
using Interoffice.Web.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Interoffice.Web.Tests.Support;

/// <summary>The consent log as an operator, an attacker with the database file, and an auditor meet it.</summary>
public static class ConsentLogFile
{
    /// <summary><c>consent verify</c> in the site's own process (its services, its key); the exit code and everything printed.</summary>
    public static async Task<(int ExitCode, string Output)> VerifyAsync(SiteFactory site, params string[] extra)
    {
        ArgumentNullException.ThrowIfNull(site);
        using var _ = site.CreateClient();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await ConsentCommands.RunAsync(site.Services, ["consent", "verify", .. extra], output, error);
        return (code, output.ToString() + error);
    }

    /// <summary>SQL run on the database file directly, past the site, as anyone with access to the server could.</summary>
    public static async Task TamperAsync(SiteFactory site, string sql)
    {
        ArgumentNullException.ThrowIfNull(site);
        await using var file = new SqliteConnection($"Data Source={site.DatabasePath}");
        await file.OpenAsync();
        await using var command = file.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>New visitors making a choice each, one after the other.</summary>
    public static async Task ChooseAsync(SiteFactory site, int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var visitor = Visitor.Of(site);
            using var _ = await visitor.ChooseAsync(i % 2 == 0 ? "alles" : "selectie", ["analytics"]);
        }
    }

    public static async Task<List<ConsentLogHead>> HeadsAsync(SiteFactory site)
    {
        ArgumentNullException.ThrowIfNull(site);
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Set<ConsentLogHead>().AsNoTracking().OrderBy(h => h.Size).ToListAsync();
    }

    /// <summary>Runs a program (python3, openssl) as an auditor would; the exit code and everything printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunToolAsync(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }

    /// <summary>A file of the repository (docs/, bench/), found from the test's output folder.</summary>
    public static string RepositoryFile(string relativePath)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Interoffice.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("not inside the repository"), relativePath);
    }
}
