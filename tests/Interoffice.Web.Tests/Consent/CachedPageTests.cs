using System.Net.Http.Headers;
using Interoffice.Web.Features.Consent;
using Interoffice.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Interoffice.Web.Tests.Consent;

/// <summary>
/// The page cache cannot give one visitor's page to another: for every cached public page and every consent state, the
/// page served from the cache is, byte for byte and header for header, the page the site renders with the cache off.
/// </summary>
public sealed partial class CachedPageTests
{
    // The states a visitor can be in, each as the request that carries it: (name, consent cookie to make, GPC, query).
    private static readonly (string Name, Func<Cookies, string?> Cookie, bool Gpc, string Query)[] States =
    [
        ("no choice", _ => null, false, ""),
        ("only analytics", c => c.Current([ConsentCategory.Analytics], ConsentMethod.Settings), false, ""),
        ("only tracking", c => c.Current([ConsentCategory.Tracking], ConsentMethod.Settings), false, ""),
        ("only social media", c => c.Current([ConsentCategory.Social], ConsentMethod.Settings), false, ""),
        ("only advertising", c => c.Current([ConsentCategory.Advertising], ConsentMethod.Settings), false, ""),
        ("everything", c => c.Current([.. ConsentCategories.Optional], ConsentMethod.AcceptAll), false, ""),
        ("nothing", c => c.Current([], ConsentMethod.RejectAll), false, ""),
        ("GPC without a choice", _ => null, true, ""),
        ("GPC with a choice", c => c.Current([ConsentCategory.Tracking], ConsentMethod.Settings), true, ""),
        ("renewal after a new privacy statement", c => c.Outdated(statementVersion: "0.9"), false, ""),
        ("renewal after a new cookie policy", c => c.Outdated(statementVersion: null), false, ""),
        ("Video laden", _ => null, false, $"?{ConsentMiddleware.OneTimeVideoQuery}=laden"),
        ("Video laden with a choice", c => c.Current([ConsentCategory.Analytics], ConsentMethod.Settings), false, $"?{ConsentMiddleware.OneTimeVideoQuery}=laden"),
    ];

    [Fact]
    public async Task Every_cached_page_in_every_consent_state_is_the_page_rendered_without_the_cache()
    {
        await using var cached = new SiteFactory().WithAllServices();
        _ = cached.Server;
        // A second instance on the same database (so the same keys read the same cookies) whose caches keep nothing.
        await using var uncached = new WithoutPageCache { DatabasePath = cached.DatabasePath, Clock = cached.Clock };
        uncached.WithAllServices();
        using var withCache = cached.CreateDefaultClient(new Uri("https://www.interoffice.nl"));
        using var withoutCache = uncached.CreateDefaultClient(new Uri("https://www.interoffice.nl"));
        var cookies = new Cookies(cached.Services);
        await SeedNewsAsync(cached.Services);
        var pages = CachedPages(cached.Services);
        Assert.Contains("/", pages);
        Assert.Contains("/cookies", pages);

        var differences = new List<string>();
        var fromCache = new List<string>();
        foreach (var path in pages)
        {
            foreach (var (name, cookie, gpc, query) in States)
            {
                var value = cookie(cookies);
                using var first = await SendAsync(withCache, path + query, value, gpc);
                using var again = await SendAsync(withCache, path + query, value, gpc);
                using var rendered = await SendAsync(withoutCache, path + query, value, gpc);
                if (again.Headers.Age is not null)
                {
                    fromCache.Add($"{path} {name}");
                }

                var (cachedAnswer, renderedAnswer) = (await AnswerAsync(again), await AnswerAsync(rendered));
                if (cachedAnswer != renderedAnswer)
                {
                    differences.Add($"{path} ({name}):\n{cachedAnswer}\n--- rendered without the cache ---\n{renderedAnswer}");
                }
            }
        }

        Assert.True(differences.Count == 0, string.Join("\n\n", differences));

        // The comparison is of pages that did come from the cache: every page without a choice and without a video, at least.
        foreach (var path in pages)
        {
            foreach (var name in new[] { "no choice", "GPC without a choice", "renewal after a new privacy statement", "renewal after a new cookie policy" })
            {
                Assert.Contains($"{path} {name}", fromCache);
            }
        }
    }

    // The cached pages with parameters, each at an address that exists once SeedNewsAsync has run (eleven items: two pages).
    private static readonly Dictionary<string, string> WithParameters = new(StringComparer.Ordinal)
    {
        ["nieuws/{slug:regex(^[a-z0-9-]{{1,80}}$)}"] = "/nieuws/bericht-1",
        ["nieuws/pagina/{page:int:range(2,10000)}"] = "/nieuws/pagina/2",
    };

    private static async Task SeedNewsAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Interoffice.Web.Infrastructure.Data.SiteDbContext>();
        for (var i = 1; i <= 11; i++)
        {
            var item = Interoffice.Web.Features.News.NewsItem.Draft($"bericht-{i}", $"Bericht {i}", "Samenvatting", "Tekst met **nadruk**.", new DateTime(2026, 1, i, 9, 0, 0, DateTimeKind.Utc));
            item.Publish(new DateTime(2026, 1, i, 9, 0, 0, DateTimeKind.Utc));
            db.Add(item);
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Every page kept by the consent page cache, found from its endpoints, so that a page cached later is checked too.</summary>
    private static List<string> CachedPages(IServiceProvider services)
    {
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<OutputCacheAttribute>()?.PolicyName is ConsentPageCache.Name or ConsentPageCache.WithoutChoice)
            .ToList();
        Assert.All(endpoints, e => Assert.True(e.RoutePattern.Parameters.Count == 0 || WithParameters.ContainsKey(e.RoutePattern.RawText!), $"{e.RoutePattern.RawText}: a cached page with parameters needs its addresses listed in this test"));
        return [.. endpoints.Select(e => WithParameters.GetValueOrDefault(e.RoutePattern.RawText!) ?? "/" + e.RoutePattern.RawText!.TrimStart('/')).Distinct().Order(StringComparer.Ordinal)];
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string? consentCookie, bool gpc)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (consentCookie is not null)
        {
            request.Headers.Add("Cookie", $"{ConsentCookie.Name}={consentCookie}");
        }

        if (gpc)
        {
            request.Headers.Add("Sec-GPC", "1");
        }

        return await client.SendAsync(request);
    }

    /// <summary>
    /// The status, the headers and the body as text. Left out, as they differ between any two answers: <c>Date</c>, and
    /// <c>Age</c>, which the cache adds (it is how the test knows an answer came from the cache). The cache also states
    /// the <c>Content-Length</c> it knows, where a rendered page is sent in chunks; the body itself is compared whole.
    /// The contact form's antiforgery token, cookie and time stamp are each view's own by design, and are masked.
    /// </summary>
    private static async Task<string> AnswerAsync(HttpResponseMessage response)
    {
        static IEnumerable<string> Lines(HttpHeaders headers) =>
            headers.Where(h => h.Key is not ("Date" or "Age" or "Content-Length")).Select(h => $"{h.Key}: {string.Join(", ", h.Value)}");
        // What is each visitor's own by design (the contact form's antiforgery token and cookie, its time stamp) is masked.
        var body = System.Text.Encoding.UTF8.GetBytes(PerVisitor().Replace(await response.Content.ReadAsStringAsync(), "CfDJ8…"));
        var lines = Lines(response.Headers).Concat(Lines(response.Content.Headers)).Select(line => PerVisitor().Replace(line, "CfDJ8…")).Order(StringComparer.Ordinal);
        return $"{(int)response.StatusCode}\n{string.Join('\n', lines)}\n\n{Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(body))} ({body.Length} bytes)\n{System.Text.Encoding.UTF8.GetString(body)}";
    }

    /// <summary>Consent cookies as the site would have written them, fixed in time so both instances read the same choice.</summary>
    private sealed class Cookies(IServiceProvider services)
    {
        private readonly ConsentCookie cookie = services.GetRequiredService<ConsentCookie>();
        private readonly ConsentPolicy policy = services.GetRequiredService<ConsentPolicyProvider>().Current;
        private readonly DateTimeOffset decidedAt = DateTimeOffset.FromUnixTimeSeconds(TestTime.Start.AddDays(-1).ToUnixTimeSeconds());

        public string Current(ConsentCategory[] granted, ConsentMethod method) =>
            cookie.Protect(new ConsentChoice("11111111-2222-3333-4444-555555555555", policy.Version, granted.ToHashSet(), decidedAt, method, policy.Statement.Version));

        /// <summary>A choice under an earlier policy: under another statement, or (null) under this statement with other cookies.</summary>
        public string Outdated(string? statementVersion) =>
            cookie.Protect(new ConsentChoice("11111111-2222-3333-4444-666666666666", new string('0', 64), new HashSet<ConsentCategory> { ConsentCategory.Analytics }, decidedAt, ConsentMethod.Settings, statementVersion ?? policy.Statement.Version));
    }

    private sealed class WithoutPageCache : SiteFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<IOutputCacheStore, KeepsNothing>();
                // The banner's fragment (the <cache> tag helper) is kept under the same key: off as well. Its memory takes
                // entries by size, and with room for none it keeps none.
                services.Configure<CacheTagHelperOptions>(o => o.SizeLimit = 0);
            });
        }
    }

    /// <summary>An output cache store that keeps nothing: every page is rendered.</summary>
    private sealed class KeepsNothing : IOutputCacheStore
    {
        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult<byte[]?>(null);

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    [System.Text.RegularExpressions.GeneratedRegex("CfDJ8[A-Za-z0-9_-]+")]
    private static partial System.Text.RegularExpressions.Regex PerVisitor();
}
