using System.Globalization;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.Yaml;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Interoffice.Web.Features.Privacy;

/// <summary>A heading of the statement, for its table of contents.</summary>
public sealed record StatementHeading(string Id, string Text);

/// <summary>The privacy statement as rendered from its content file.</summary>
public sealed record PrivacyStatementDocument(
    string Title,
    string Version,
    DateOnly LastModified,
    string Html,
    IReadOnlyList<StatementHeading> Contents)
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UsePipeTables()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(HyphenatedNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    /// <summary>Parses Markdown with front matter (title, version, last-modified).</summary>
    /// <exception cref="FormatException">The front matter is missing or incomplete.</exception>
    public static PrivacyStatementDocument Parse(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var frontMatterBlock = document.Descendants<YamlFrontMatterBlock>().FirstOrDefault()
            ?? throw new FormatException("The privacy statement has no front matter (--- title, version, last-modified ---).");
        var frontMatter = Yaml.Deserialize<FrontMatter>(string.Join('\n', frontMatterBlock.Lines.Lines.Select(l => l.ToString())))
            ?? new FrontMatter();
        if (string.IsNullOrWhiteSpace(frontMatter.Title) || string.IsNullOrWhiteSpace(frontMatter.Version) || frontMatter.LastModified is null)
        {
            throw new FormatException("The privacy statement's front matter needs title, version and last-modified (yyyy-mm-dd).");
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
            contents);
    }

    private static string InlineText(ContainerInline? inline) =>
        inline is null ? "" : string.Concat(inline.Descendants<LiteralInline>().Select(l => l.Content.ToString()));

    private sealed class FrontMatter
    {
        public string? Title { get; set; }
        public string? Version { get; set; }
        public string? LastModified { get; set; }
    }
}
