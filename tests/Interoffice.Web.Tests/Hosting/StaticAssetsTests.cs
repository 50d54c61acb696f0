using System.Net;
using System.Net.Http.Headers;
using Interoffice.Web.Tests.Support;

namespace Interoffice.Web.Tests.Hosting;

public sealed class StaticAssetsTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Stylesheets_are_fingerprinted_and_cached_for_a_year()
    {
        var client = site.CreateClient();
        var document = await client.GetDocumentAsync("/");
        var stylesheets = document.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();

        Assert.Equal(3, stylesheets.Count);
        foreach (var href in stylesheets)
        {
            Assert.Matches(@"\.[a-z0-9]{10}\.css$", href);
            using var response = await client.GetAsync(new Uri(href, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
            Assert.Contains("immutable", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Pages_are_sent_compressed_to_browsers_that_accept_it()
    {
        using var handlerless = site.CreateDefaultClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/privacyverklaring");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var response = await handlerless.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
    }

    [Fact]
    public async Task The_vendored_bootstrap_is_version_5_3_8()
    {
        var client = site.CreateClient();
        var document = await client.GetDocumentAsync("/");
        var bootstrap = document.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).Single(h => h.Contains("bootstrap", StringComparison.Ordinal));

        var css = await client.GetStringAsync(new Uri(bootstrap, UriKind.Relative));
        Assert.Contains("Bootstrap  v5.3.8", css, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Browsers_asking_for_a_favicon_get_one()
    {
        using var response = await site.CreateClient().GetAsync(new Uri("/favicon.ico", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([0, 0, 1, 0], (await response.Content.ReadAsByteArrayAsync())[..4]);
    }
}
