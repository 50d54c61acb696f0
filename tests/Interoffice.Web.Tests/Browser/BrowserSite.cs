using System.Net;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Interoffice.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Interoffice.Web.Tests.Browser;

/// <summary>The site on a real port on loopback, and the test run's one Chromium to visit it with (a context per visitor).</summary>
public class BrowserSite : IAsyncLifetime
{
    // Every browser of these tests signs in from 127.0.0.1: the per-address limit (tested in the integration tests)
    // would otherwise count all of them as one visitor. The hosts are named, as an operator without Site:BaseUrl
    // must name them for the newsletter's mails to carry links (MailLinks).
    public BrowserSite()
        : this(new SiteFactory().With("Staff:SignInRateLimitPermits", "1000").With("AllowedHosts", "127.0.0.1;localhost"))
    {
    }

    protected BrowserSite(SiteFactory site) => Site = site;

    public SiteFactory Site { get; }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: TestResults/screenshots at the repository root.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot(), "TestResults", "screenshots");

    public virtual async Task InitializeAsync()
    {
        if (Chromium.ExecutablePath is null)
        {
            if (Chromium.Required)
            {
                throw new InvalidOperationException(Chromium.InstallHint);
            }

            return;
        }

        Site.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        Site.StartServer();
        var address = Site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);

        // What a person waits for on a busy 2-core machine (two test classes at once, a passkey ceremony, axe): the
        // default 5 s failed there now and then. A passing check waits no longer for it.
        Assertions.SetDefaultExpectTimeout(15_000);
        Browser = await Chromium.SharedAsync();
    }

    /// <summary>A fresh visitor: no cookies, every request, console message and page error recorded.</summary>
    /// <remarks>
    /// <paramref name="host"/> "localhost" visits the same server by name: WebAuthn (passkeys) refuses an IP address
    /// as the site's identity, and localhost counts as a secure origin without TLS.
    /// </remarks>
    public async Task<Visit> VisitAsync(int width = 1280, int height = 900, bool javaScript = true, string? host = null)
    {
        if (Chromium.ExecutablePath is null)
        {
            throw new InvalidOperationException(Chromium.InstallHint);
        }

        var site = host is null ? BaseAddress : new UriBuilder(BaseAddress) { Host = host }.Uri;
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
            Locale = "nl-NL",
        });
        // Nothing leaves this machine: a request to another host is recorded and answered empty here. Only those are
        // routed (the pattern is matched in the browser's driver), so the site's own requests take no detour.
        await context.RouteAsync(OtherHosts(site), route => route.FulfillAsync(new RouteFulfillOptions { Status = 204 }));
        var page = await context.NewPageAsync();
        return new Visit(context, page, site);
    }

    public virtual async Task DisposeAsync() => await Site.DisposeAsync();

    private static Regex OtherHosts(Uri site) => new($"^(?!{Regex.Escape(site.GetLeftPart(UriPartial.Authority))}/)");

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Interoffice.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? AppContext.BaseDirectory;
    }
}

/// <summary>One visitor's tab, with what it sent and what went wrong in it.</summary>
public sealed class Visit : IAsyncDisposable
{
    public Visit(IBrowserContext context, IPage page, Uri site)
    {
        Context = context;
        Page = page;
        page.Request += (_, request) => Requests.Add(request.Url);
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                ConsoleProblems.Add($"{message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => ConsoleProblems.Add($"page error: {error}");
        SiteAuthority = site.Authority;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public string SiteAuthority { get; }

    public List<string> Requests { get; } = [];

    public List<string> ConsoleProblems { get; } = [];

    /// <summary>Requests to any host but the site itself (data: URLs never leave the browser).</summary>
    public IEnumerable<string> ThirdPartyRequests =>
        Requests.Where(url => !url.StartsWith("data:", StringComparison.Ordinal) && new Uri(url).Authority != SiteAuthority);

    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(BrowserSite.ScreenshotFolder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSite.ScreenshotFolder, name + ".png"), FullPage = true });
    }

    /// <summary>A screenshot, then axe on the page as it stands: no violation passes.</summary>
    public async Task AssertAccessibleAsync(string name)
    {
        await ScreenshotAsync(name);
        var results = await Page.RunAxe();
        Assert.True(results.Violations.Length == 0, $"{name}: " + string.Join("; ", results.Violations.Select(v => $"{v.Id}: {v.Help}")));
    }

    /// <summary>
    /// Clicks a button that posts a plain form (no script), and waits for the page the post redirects to, or (with
    /// <paramref name="redirects"/> false) for the page the post itself answers with.
    /// </summary>
    public async Task SubmitAsync(ILocator button, bool redirects = true)
    {
        ArgumentNullException.ThrowIfNull(button);
        await Page.RunAndWaitForResponseAsync(() => button.ClickAsync(), response => redirects ? response.Request.RedirectedFrom is not null : response.Request.Method == "POST");
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>The names of the cookies the browser holds for the site.</summary>
    public async Task<IReadOnlyList<string>> CookieNamesAsync() =>
        [.. (await Context.CookiesAsync()).Select(c => c.Name).Order(StringComparer.Ordinal)];

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
