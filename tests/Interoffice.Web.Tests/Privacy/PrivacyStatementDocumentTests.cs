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
    public void A_statement_without_complete_front_matter_is_refused(string markdown) =>
        Assert.Throws<FormatException>(() => PrivacyStatementDocument.Parse(markdown));

    [Fact]
    public void Raw_html_in_the_statement_is_shown_as_text_not_run()
    {
        var document = PrivacyStatementDocument.Parse("---\ntitle: P\nversion: 1\nlast-modified: 2026-01-31\n---\n\n<script>alert(1)</script>");

        Assert.DoesNotContain("<script>", document.Html, StringComparison.Ordinal);
    }
}
