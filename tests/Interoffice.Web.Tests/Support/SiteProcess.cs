using System.Diagnostics;

namespace Interoffice.Web.Tests.Support;

/// <summary>The site's own program run as an operator runs it (<c>dotnet Interoffice.Web.dll …</c>), for verbs and start-up checks.</summary>
public static class SiteProcess
{
    public sealed record Result(int ExitCode, string Output);

    public static async Task<Result> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string? standardInput = null)
    {
        using var process = Process.Start(StartInfo(arguments, environment))!;
        await process.StandardInput.WriteAsync(standardInput ?? "");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the site did not exit within two minutes");
        }

        return new Result(process.ExitCode, await output + await errors);
    }

    /// <summary>How the program is started: from the test's output folder, in Production, signing with the tests' key, with the given environment.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo("dotnet", ["Interoffice.Web.dll", .. arguments])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Consent__SigningKey"] = SigningKeys.Default;

        // As the test host runs (Interoffice.Web.Tests.csproj): a verb's process is short, so no re-compiling by profile.
        start.Environment["DOTNET_TieredPGO"] = "0";
        start.Environment["DOTNET_gcConcurrent"] = "0";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    /// <summary>A fresh SQLite file path in a data folder of its own under the temp folder.</summary>
    public static string NewDatabasePath()
    {
        var path = Path.Combine(Path.GetTempPath(), "interoffice-tests", $"{Guid.NewGuid():N}", "interoffice.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
