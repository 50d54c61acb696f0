using Ganss.Xss;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;

namespace Interoffice.Web.Features.News;

/// <summary>
/// Staff's Markdown as HTML that is safe to show: Markdig renders it with raw HTML escaped, and HtmlSanitizer keeps
/// only harmless tags and attributes. No script, no inline style (the Content-Security-Policy allows neither), images
/// from this site only, links to http(s) and mail only.
/// </summary>
public static class NewsMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().UsePipeTables().Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToHtml(string markdown)
    {
        // The page's title is its only h1: a heading in the body is one level lower ("# Kop" is an h2).
        var document = Markdown.Parse(markdown ?? "", Pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(heading.Level + 1, 6);
        }

        using var html = new StringWriter();
        var renderer = new HtmlRenderer(html);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        return Sanitizer.Sanitize(html.ToString());
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "https", "http", "mailto" })
        {
            sanitizer.AllowedSchemes.Add(scheme);
        }

        // An image from elsewhere would be a request to a third party (and blocked by the CSP): only paths on this site.
        sanitizer.FilterUrl += (_, e) =>
        {
            if (e.Tag.NodeName.Equals("IMG", StringComparison.OrdinalIgnoreCase) && !IsOwnPath(e.OriginalUrl))
            {
                e.SanitizedUrl = null;
            }
        };

        // Such an image stands as its description instead of an empty frame.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { NodeName: "IMG" } image && image.GetAttribute("src") is null)
            {
                e.ReplacementNodes.Add(e.Document.CreateTextNode(image.GetAttribute("alt") ?? ""));
            }
        };
        return sanitizer;
    }

    // "/afbeelding.jpg", not "//elders" nor "/\\elders" (which browsers read as another host).
    private static bool IsOwnPath(string url) =>
        url.StartsWith('/') && url.Length > 1 && url[1] is not ('/' or '\\') && !url.Any(c => c == '\\' || char.IsControl(c));
}
