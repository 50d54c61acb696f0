using System.Net;
using Interoffice.Web.Tests.Support;

namespace Interoffice.Web.Tests.Hosting;

/// <summary>
/// One host: with Site:BaseUrl set, a request that names another host (a made-up Host header, a stray DNS name) gets
/// no page, so Host values cannot multiply the page cache or put another name in the site's links.
/// </summary>
public sealed class OwnHostTests
{
    [Fact]
    public async Task With_a_public_address_set_a_request_for_another_host_is_refused_and_the_own_host_answered()
    {
        await using var site = new SiteFactory().With("Site:BaseUrl", "https://www.interoffice.nl");

        using var other = await site.CreateDefaultClient(new Uri("https://evil.example")).GetAsync(new Uri("/diensten", UriKind.Relative));
        using var own = await site.CreateDefaultClient(new Uri("https://www.interoffice.nl")).GetAsync(new Uri("/diensten", UriKind.Relative));
        using var ownInCapitals = await site.CreateDefaultClient(new Uri("https://WWW.Interoffice.NL")).GetAsync(new Uri("/diensten", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.DoesNotContain("Onze diensten", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownInCapitals.StatusCode);
    }

    [Fact]
    public async Task When_the_operator_allows_every_host_another_host_is_answered_but_never_cached()
    {
        await using var site = new SiteFactory().With("Site:BaseUrl", "https://www.interoffice.nl").With("AllowedHosts", "*");
        using var other = site.CreateDefaultClient(new Uri("https://elders.example"));
        using var own = site.CreateDefaultClient(new Uri("https://www.interoffice.nl"));

        await Warm(other);
        await Warm(own);
        using var otherAgain = await other.GetAsync(new Uri("/diensten", UriKind.Relative));
        using var ownAgain = await own.GetAsync(new Uri("/diensten", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, otherAgain.StatusCode);
        Assert.Null(otherAgain.Headers.Age);
        Assert.NotNull(ownAgain.Headers.Age);
    }

    [Fact]
    public async Task Without_a_public_address_the_site_answers_the_host_it_is_asked_for()
    {
        await using var site = new SiteFactory();

        using var response = await site.CreateDefaultClient(new Uri("https://intranet.example")).GetAsync(new Uri("/diensten", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task Warm(HttpClient client)
    {
        using var first = await client.GetAsync(new Uri("/diensten", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
    }
}
