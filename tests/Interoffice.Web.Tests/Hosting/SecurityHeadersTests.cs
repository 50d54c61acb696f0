using System.Net;
using System.Text.RegularExpressions;
using Interoffice.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Interoffice.Web.Tests.Hosting;

public sealed partial class SecurityHeadersTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    public static TheoryData<string> Addresses => [.. PublicPages.Paths.Append("/bestaat-niet").Append("/robots.txt")];

    [Theory]
    [MemberData(nameof(Addresses))]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var response = await site.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.Contains("geolocation=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_without_third_parties_allows_no_inline_script_at_all()
    {
        var client = site.CreateClient();
        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        var csp = Header(response, "Content-Security-Policy");

        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_staff_area_may_use_passkeys()
    {
        var client = site.CreateClient();
        using var staff = await client.GetAsync(new Uri("/beheer/inloggen", UriKind.Relative));
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        using var beside = await client.GetAsync(new Uri("/beheerder", UriKind.Relative));

        Assert.Contains("publickey-credentials-get=(self)", Header(staff, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.Contains("publickey-credentials-create=(self)", Header(staff, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.Contains("camera=()", Header(staff, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.All(new[] { home, beside }, response =>
        {
            Assert.Contains("publickey-credentials-get=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
            Assert.Contains("publickey-credentials-create=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Over_https_outside_development_browsers_are_told_to_keep_to_https()
    {
        using var response = await site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://www.interoffice.nl") })
            .GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("max-age=31536000", Header(response, "Strict-Transport-Security"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_development_no_https_is_demanded()
    {
        await using var development = new SiteFactory { EnvironmentName = "Development" };
        using var response = await development.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://www.interoffice.nl") })
            .GetAsync(new Uri("/", UriKind.Relative));

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{name} is missing");
}
