using System.Net;
using Interoffice.Web.Tests.Support;

namespace Interoffice.Web.Tests.Consent;

public sealed class EmbedTests(ConsentGatingTests.AllServices site) : IClassFixture<ConsentGatingTests.AllServices>
{
    [Fact]
    public async Task Without_social_consent_a_video_is_a_local_placeholder_that_contacts_nobody()
    {
        using var visitor = Visitor.Of(site);
        var (response, document) = await visitor.GetAsync("/over-ons");

        var video = document.QuerySelector("figure.video")!;
        Assert.Null(video.QuerySelector("iframe"));
        Assert.Equal("Video laden", video.QuerySelector("a[href='/over-ons?video=laden#video-abcdefghijk']")?.TextContent);
        Assert.Equal("Altijd toestaan", video.QuerySelector("form button")?.TextContent);
        Assert.DoesNotContain("youtube", document.Head!.InnerHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("frame-src 'none'", string.Join(' ', response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Video_laden_loads_it_from_youtube_nocookie_this_once()
    {
        using var visitor = Visitor.Of(site);
        var (response, document) = await visitor.GetAsync("/over-ons?video=laden");

        Assert.Equal("https://www.youtube-nocookie.com/embed/abcdefghijk", document.QuerySelector("figure.video iframe")?.GetAttribute("src"));
        Assert.Contains("frame-src https://www.youtube-nocookie.com", string.Join(' ', response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);

        var again = await visitor.PageAsync("/over-ons");
        Assert.Null(again.QuerySelector("figure.video iframe"));
        Assert.Null(visitor.CookieValue(Features.Consent.ConsentCookie.Name));
    }

    [Fact]
    public async Task Altijd_toestaan_grants_social_media_and_keeps_the_rest_of_the_choice()
    {
        using var visitor = Visitor.Of(site);
        using var first = await visitor.ChooseAsync("selectie", ["analytics"]);
        var page = await visitor.PageAsync("/over-ons");
        var form = page.QuerySelector("figure.video form")!;
        var fields = form.QuerySelectorAll("input").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value")!));
        using var content = new FormUrlEncodedContent(fields);

        // Posted as the browser posts the placeholder's form: from this site.
        visitor.Headers["Sec-Fetch-Site"] = "same-origin";
        using var response = await visitor.SendAsync(HttpMethod.Post, form.GetAttribute("action")!, content);
        visitor.Headers.Remove("Sec-Fetch-Site");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/over-ons#video-abcdefghijk", response.Headers.Location?.OriginalString);
        var after = await visitor.PageAsync("/over-ons");
        Assert.NotNull(after.QuerySelector("figure.video iframe[src^='https://www.youtube-nocookie.com/']"));
        Assert.Contains("gtag/js?id=G-TEST123456", after.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Social_links_in_the_site_are_plain_links_without_third_party_script()
    {
        using var visitor = Visitor.Of(site);
        var document = await visitor.PageAsync("/over-ons");

        Assert.DoesNotContain(document.QuerySelectorAll("script[src]"), s => !s.GetAttribute("src")!.StartsWith('/'));
    }
}
