using Microsoft.Playwright;

namespace Interoffice.Web.Tests.Browser;

/// <summary>Where the browser is, and whether a missing one skips or fails the browser tests.</summary>
public static class Chromium
{
    // Chromium's own headless build first (Debian's chromium-headless-shell, what Playwright itself runs headless): the
    // same engine without the browser's window and tab strip, at about a third of the CPU per page (docs/testing.md).
    public static readonly string? ExecutablePath =
        new[] { Environment.GetEnvironmentVariable("CHROMIUM_PATH"), "/usr/lib/chromium/chromium-headless-shell", "/usr/bin/chromium", "/usr/bin/chromium-browser" }
            .FirstOrDefault(path => !string.IsNullOrEmpty(path) && File.Exists(path));

    /// <summary>
    /// The browser a visitor runs (Debian's chromium), for what only it does: the headless build keeps no page in the
    /// back/forward cache.
    /// </summary>
    public static readonly string? VisitorsBrowserPath =
        new[] { Environment.GetEnvironmentVariable("CHROMIUM_BROWSER_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser" }
            .FirstOrDefault(path => !string.IsNullOrEmpty(path) && File.Exists(path));

    /// <summary>Set by .ci/run: in CI a missing browser is a failure, not a skip.</summary>
    public static bool Required => Environment.GetEnvironmentVariable("REQUIRE_BROWSER") == "1";

    public const string VisitorsBrowserHint =
        "This test needs the browser a visitor runs: `apt-get install -y chromium` (or set CHROMIUM_BROWSER_PATH).";

    public const string InstallHint =
        "Chromium is not installed: run `apt-get install -y chromium-headless-shell` (or `chromium`, or set CHROMIUM_PATH). Set REQUIRE_BROWSER=1 to fail instead of skip.";

    // One browser for the whole run, started by the first class that needs it: every visitor gets a context of its own
    // (its own cookies and storage), so nothing is shared but the process. Not a collection fixture, which would run
    // the browser classes one after another; it ends with the test run.
    private static readonly Lazy<Task<IBrowser>> Shared = new(LaunchAsync);

    public static Task<IBrowser> SharedAsync() => Shared.Value;

    private static async Task<IBrowser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Args = Arguments, Headless = true });
    }

    public static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];
}
