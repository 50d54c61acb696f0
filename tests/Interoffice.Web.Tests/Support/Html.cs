using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Interoffice.Web.Tests.Support;

public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, string path)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        return await Parser.ParseDocumentAsync(html);
    }

    public static async Task<IDocument> ParseAsync(string html) => await Parser.ParseDocumentAsync(html);

    /// <summary>Text as a reader sees it: runs of white space folded into one space.</summary>
    public static string Normalized(this string text) =>
        string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
