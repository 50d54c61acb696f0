using System.Text.Encodings.Web;
using Interoffice.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Interoffice.Web.Features.Consent;

/// <summary>
/// <c>&lt;youtube-embed video-id="…" title="…" /&gt;</c>: with social consent (or "Video laden" for this once) the
/// video from youtube-nocookie.com; without it a local placeholder that contacts nobody.
/// </summary>
[HtmlTargetElement("youtube-embed", TagStructure = TagStructure.WithoutEndTag)]
public sealed class YouTubeEmbedTagHelper(EnabledServices services) : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public string VideoId { get; set; } = "";

    public string Title { get; set; } = "";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var http = ViewContext.HttpContext;
        var consent = http.Consent();
        var id = UrlEncoder.Default.Encode(VideoId);
        var title = HtmlEncoder.Default.Encode(Title);
        var anchor = $"video-{id}";
        output.TagName = "figure";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "video");
        output.Attributes.SetAttribute("id", anchor);

        if (!services.IsEnabled(ServiceRegistry.YouTube))
        {
            output.Content.SetHtmlContent($"<a href=\"https://www.youtube.com/watch?v={id}\">Bekijk de video ‘{title}’ op YouTube</a>");
            return;
        }

        if (consent.IsGranted(ConsentCategory.Social) || consent.OneTimeVideo)
        {
            // The player may go full screen and play protected media, on this page only and for its own origin only.
            http.AllowInFrame(ServiceRegistry.YouTubeOrigin, "fullscreen", "encrypted-media", "picture-in-picture");
            output.Content.SetHtmlContent(
                $"<iframe class=\"video-frame\" src=\"{ServiceRegistry.YouTubeOrigin}/embed/{id}\" title=\"{title}\" loading=\"lazy\" " +
                "allow=\"fullscreen; encrypted-media; picture-in-picture\" referrerpolicy=\"strict-origin-when-cross-origin\" allowfullscreen></iframe>");
            return;
        }

        var texts = consent.Policy.Texts.Embed!;
        string Text(string text) => HtmlEncoder.Default.Encode(text);
        var path = HtmlEncoder.Default.Encode(ConsentViewModels.CurrentLocalUrl(http));
        output.Content.SetHtmlContent(
            $"<div class=\"video-placeholder\"><p class=\"video-title\">{title}</p>" +
            $"<p>{Text(texts.Text)}</p>" +
            "<div class=\"video-actions\">" +
            $"<a class=\"btn btn-light\" href=\"{path}?{ConsentMiddleware.OneTimeVideoQuery}=laden#{anchor}\">{Text(texts.LoadOnce)}</a>" +
            "<form method=\"post\" action=\"/cookies/keuze\">" +
            $"<input type=\"hidden\" name=\"Choice\" value=\"toevoegen\"><input type=\"hidden\" name=\"Category\" value=\"social\">" +
            $"<input type=\"hidden\" name=\"ReturnUrl\" value=\"{path}#{anchor}\">" +
            $"<button class=\"btn btn-light\" type=\"submit\">{Text(texts.AllowAlways)}</button></form></div>" +
            $"<p class=\"video-note\">{Text(texts.Note)} <a href=\"/cookies\">{Text(texts.SettingsLink)}</a></p></div>");
    }
}
