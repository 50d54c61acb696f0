using Interoffice.Web.Features.Privacy;

namespace Interoffice.Web.Tests.Privacy;

public sealed class PrivacyStatementDocumentTests
{
    [Fact]
    public void The_front_matter_gives_title_version_and_date()
    {
        var document = PrivacyStatementDocument.Parse("""
            ---
            title: Privacyverklaring
            version: "2"
            last-modified: 2026-01-31
            ---

            ## Inleiding

            Tekst.
            """);

        Assert.Equal("Privacyverklaring", document.Title);
        Assert.Equal("2", document.Version);
        Assert.Equal(new DateOnly(2026, 1, 31), document.LastModified);
        Assert.Equal([new StatementHeading("inleiding", "Inleiding")], document.Contents);
        Assert.DoesNotContain("version", document.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("## Inleiding\n\nGeen front matter.")]
    [InlineData("---\ntitle: Privacyverklaring\nlast-modified: 2026-01-31\n---\n\nTekst.")]
    [InlineData("---\ntitle: Privacyverklaring\nversion: 2\n---\n\nTekst.")]
    [InlineData("---\ntitle: ~\nversion: 2\nlast-modified: 2026-01-31\n---\n\nTekst.")]
    public void A_statement_without_complete_front_matter_is_refused(string markdown) =>
        Assert.Throws<FormatException>(() => PrivacyStatementDocument.Parse(markdown));

    [Theory]
    [InlineData("title: P\nversion: 1\nlast-modified: 2026-01-31\nthird-parties: Google")]
    [InlineData("title: P\nversion: 1\nlast-modified: 2026-01-31\nthird-parties:\n  - naam: Google")]
    [InlineData("title:\n  - P\nversion: 1\nlast-modified: 2026-01-31")]
    public void A_front_matter_key_of_the_wrong_shape_is_refused(string frontMatter) =>
        Assert.ThrowsAny<YamlDotNet.Core.YamlException>(() => PrivacyStatementDocument.Parse($"---\n{frontMatter}\n---\n\nTekst."));

    [Fact]
    public void The_third_parties_a_version_names_are_read_as_a_list()
    {
        var document = PrivacyStatementDocument.Parse("---\ntitle: P\nversion: 1\nlast-modified: 2026-01-31\nthird-parties:\n  - Google\n  - ' Hotjar '\n---\n\nTekst.");

        Assert.Equal(["Google", "Hotjar"], document.ThirdParties);
    }

    [Theory]
    [InlineData("third-parties:")]
    [InlineData("third-parties: ~")]
    [InlineData("third-parties: null")]
    public void Third_parties_left_empty_are_none(string line) =>
        Assert.Empty(PrivacyStatementDocument.Parse($"---\ntitle: P\nversion: 1\nlast-modified: 2026-01-31\n{line}\n---\n\nTekst.").ThirdParties);

    [Fact]
    public void Raw_html_in_the_statement_is_shown_as_text_not_run()
    {
        var document = PrivacyStatementDocument.Parse("---\ntitle: P\nversion: 1\nlast-modified: 2026-01-31\n---\n\n<script>alert(1)</script>");

        Assert.DoesNotContain("<script>", document.Html, StringComparison.Ordinal);
    }
}
