using System.Net;
using Interoffice.Web.Features.Contact;
using Interoffice.Web.Tests.Support;

namespace Interoffice.Web.Tests.Contact;

/// <summary>
/// The contact page comes from the page cache, but what protects its form is each visitor's own: two visitors never
/// share an antiforgery token, each can send the form, and no placeholder ever reaches a browser.
/// </summary>
public sealed class CachedContactPageTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Two_visitors_of_the_cached_page_get_tokens_of_their_own_and_both_can_send_the_form()
    {
        using var first = Visitor.Of(site);
        using var second = Visitor.Of(site);

        var (firstAnswer, firstPage) = await first.GetAsync("/contact");
        var (secondAnswer, secondPage) = await second.GetAsync("/contact");

        Assert.NotNull(secondAnswer.Headers.Age);
        Assert.Contains("no-store", secondAnswer.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var tokens = new[] { firstPage, secondPage }.Select(p => p.QuerySelector("form.contact-form input[name=__RequestVerificationToken]")!.GetAttribute("value")).ToList();
        Assert.All(tokens, t => Assert.StartsWith("CfDJ8", t, StringComparison.Ordinal));
        Assert.NotEqual(tokens[0], tokens[1]);
        Assert.NotEqual(first.CookieValue("io.af"), second.CookieValue("io.af"));
        foreach (var page in new[] { firstPage, secondPage })
        {
            Assert.DoesNotContain("io-placeholder", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(page.QuerySelector("form.contact-form input[name=Start]")!.GetAttribute("value")));
        }

        foreach (var visitor in new[] { first, second })
        {
            var (sent, _) = await ContactPoster.PostAsync(visitor, ContactPoster.Valid());
            Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
        }

        firstAnswer.Dispose();
        secondAnswer.Dispose();
    }

    [Fact]
    public async Task A_token_from_one_visitor_is_refused_for_another()
    {
        using var owner = Visitor.Of(site);
        using var other = Visitor.Of(site);
        var ownerToken = (await owner.PageAsync("/contact")).QuerySelector("form.contact-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        _ = await other.PageAsync("/contact");

        var fields = ContactPoster.Valid();
        fields["__RequestVerificationToken"] = ownerToken;
        var (response, _) = await ContactPoster.PostAsync(other, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(ContactFormTokens.TokenPlaceholder, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
