using System.Net;
using Interoffice.Web.Tests.Support;

namespace Interoffice.Web.Tests.Pages;

/// <summary>
/// One address per page, as a search engine and the page cache see it: a page asked for in other letters is sent on
/// to its lower-case address, so the variants are never answered (nor cached) as pages of their own.
/// </summary>
public sealed class CanonicalAddressTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Theory]
    [InlineData("/PrivacyVerklaring", "/privacyverklaring")]
    [InlineData("/DIENSTEN", "/diensten")]
    [InlineData("/Over-Ons?video=1", "/over-ons?video=1")]
    [InlineData("/privacyverklaring/Versies", "/privacyverklaring/versies")]
    public async Task A_page_asked_for_in_capitals_is_sent_permanently_to_its_lower_case_address(string asked, string canonical)
    {
        using var visitor = Visitor.Of(site);
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Head })
        {
            using var response = await visitor.SendAsync(method, asked);

            Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
            Assert.Equal(canonical, response.Headers.Location?.OriginalString);
            Assert.False(response.Headers.Contains("Set-Cookie"));
        }

        using var followed = await visitor.SendAsync(HttpMethod.Get, canonical);
        Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
    }

    [Fact]
    public async Task A_post_keeps_its_address_whatever_its_case()
    {
        using var visitor = Visitor.Of(site);
        visitor.Headers["Sec-Fetch-Site"] = "same-origin";
        using var form = new FormUrlEncodedContent([new("Choice", "niets"), new("ReturnUrl", "/")]);

        using var response = await visitor.SendAsync(HttpMethod.Post, "/Cookies/Keuze", form);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
    }
}
