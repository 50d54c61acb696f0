using System.Globalization;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.Yaml;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Interoffice.Web.Features.Privacy;

/// <summary>
/// One published version of the privacy statement, as rendered from its content file. <see cref="Sha256"/> is the hash
/// of the file's exact text; <see cref="ThirdParties"/> are the third parties this version names (front matter
/// <c>third-parties</c>), as it names them.
/// </summary>
public sealed partial record PrivacyStatementDocument(
    string Title,
    string Version,
    DateOnly LastModified,
    string Html,
    IReadOnlyList<StatementHeading> Contents,
    string Sha256,
    IReadOnlyList<string> ThirdParties)
{
    /// <summary>The file's exact bytes, as its SHA-256 was taken of them (for anyone who wants to check).</summary>
    public byte[] Source { get; init; } = [];

    /// <summary>What changed in this version, in a sentence or two (front matter <c>summary</c>): the change notice to subscribers says it.</summary>
    public string? Summary { get; init; }

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UsePipeTables()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    /// <summary>Parses a content file's bytes (UTF-8); the hash is of those exact bytes.</summary>
    /// <exception cref="FormatException">The front matter is missing or incomplete.</exception>
    public static PrivacyStatementDocument Parse(byte[] utf8)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        using var reader = new StreamReader(new MemoryStream(utf8), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Parse(reader.ReadToEnd(), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(utf8))) with { Source = utf8 };
    }

    /// <summary>Parses Markdown with front matter (title, version, last-modified, optionally third-parties and summary).</summary>
    /// <exception cref="FormatException">The front matter is missing or incomplete.</exception>
    public static PrivacyStatementDocument Parse(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return Parse(System.Text.Encoding.UTF8.GetBytes(markdown));
    }

    private static PrivacyStatementDocument Parse(string markdown, string sha256)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var frontMatterBlock = document.Descendants<YamlFrontMatterBlock>().FirstOrDefault()
            ?? throw new FormatException("The privacy statement has no front matter (--- title, version, last-modified ---).");
        var frontMatter = FrontMatter.Read(string.Join('\n', frontMatterBlock.Lines.Lines.Select(l => l.ToString())));
        if (string.IsNullOrWhiteSpace(frontMatter.Title) || string.IsNullOrWhiteSpace(frontMatter.Version) || frontMatter.LastModified is null)
        {
            throw new FormatException("The privacy statement's front matter needs title, version and last-modified (yyyy-mm-dd).");
        }

        if (!VersionPattern().IsMatch(frontMatter.Version.Trim()))
        {
            throw new FormatException($"The privacy statement's version '{frontMatter.Version}' may hold only letters, digits, dots and dashes (at most 16); it is part of a web address.");
        }

        var contents = document.Descendants<HeadingBlock>()
            .Where(h => h.Level == 2)
            .Select(h => new StatementHeading(h.GetAttributes().Id ?? "", InlineText(h.Inline)))
            .ToList();

        return new PrivacyStatementDocument(
            frontMatter.Title.Trim(),
            frontMatter.Version.Trim(),
            DateOnly.ParseExact(frontMatter.LastModified, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            document.ToHtml(Pipeline),
            contents,
            sha256,
            [.. (frontMatter.ThirdParties ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim())])
        {
            Summary = string.IsNullOrWhiteSpace(frontMatter.Summary) ? null : frontMatter.Summary.Trim(),
        };
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[0-9A-Za-z.-]{1,16}$")]
    private static partial System.Text.RegularExpressions.Regex VersionPattern();

    private static string InlineText(ContainerInline? inline) =>
        inline is null ? "" : string.Concat(inline.Descendants<LiteralInline>().Select(l => l.Content.ToString()));

    // Read from YAML's node tree, not its object deserializer: that one reflects over this type and cost the first page
    // a twentieth of a second (docs/measuring.md). A key of the wrong shape is refused as the deserializer refused it.
    private sealed record FrontMatter(string? Title, string? Version, string? LastModified, IReadOnlyList<string>? ThirdParties, string? Summary)
    {
        public static FrontMatter Read(string yaml)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.FirstOrDefault()?.RootNode is not YamlMappingNode root)
            {
                return new FrontMatter(null, null, null, null, null);
            }

            return new FrontMatter(Scalar(root, "title"), Scalar(root, "version"), Scalar(root, "last-modified"), Sequence(root, "third-parties"), Scalar(root, "summary"));
        }

        private static string? Scalar(YamlMappingNode root, string key) =>
            root.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node switch
            {
                YamlScalarNode scalar when IsNull(scalar) => null,
                YamlScalarNode scalar => scalar.Value,
                _ => throw new YamlException(node.Start, node.End, $"'{key}' in the front matter must be a single value."),
            } : null;

        // YAML's empty value, ~ and null (unquoted) mean "none", as they did to the deserializer.
        private static bool IsNull(YamlScalarNode scalar) =>
            scalar.Style == ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

        private static IReadOnlyList<string>? Sequence(YamlMappingNode root, string key) =>
            root.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node switch
            {
                YamlSequenceNode list => [.. list.Children.Select(item => item is YamlScalarNode { Value: { } value }
                    ? value
                    : throw new YamlException(item.Start, item.End, $"'{key}' in the front matter must be a list of names."))],
                YamlScalarNode scalar when IsNull(scalar) => null,
                _ => throw new YamlException(node.Start, node.End, $"'{key}' in the front matter must be a list."),
            } : null;
    }
}
