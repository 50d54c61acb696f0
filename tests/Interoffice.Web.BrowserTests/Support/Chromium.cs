namespace Interoffice.Web.BrowserTests.Support;

/// <summary>Where the browser is, and whether a missing one skips or fails the browser tests.</summary>
public static class Chromium
{
    public static readonly string? ExecutablePath =
        new[] { Environment.GetEnvironmentVariable("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser" }
            .FirstOrDefault(path => !string.IsNullOrEmpty(path) && File.Exists(path));

    /// <summary>Set by .ci/run: in CI a missing browser is a failure, not a skip.</summary>
    public static bool Required => Environment.GetEnvironmentVariable("REQUIRE_BROWSER") == "1";

    public const string InstallHint =
        "Chromium is not installed: run `apt-get install -y chromium` (or set CHROMIUM_PATH). Set REQUIRE_BROWSER=1 to fail instead of skip.";

    public static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];
}

/// <summary>A browser test: skipped with a hint where no Chromium is found, unless REQUIRE_BROWSER=1.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.ExecutablePath is null && !Chromium.Required)
        {
            Skip = Chromium.InstallHint;
        }
    }
}

/// <inheritdoc cref="BrowserFactAttribute"/>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (Chromium.ExecutablePath is null && !Chromium.Required)
        {
            Skip = Chromium.InstallHint;
        }
    }
}
