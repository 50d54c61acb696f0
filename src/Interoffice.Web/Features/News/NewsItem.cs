namespace Interoffice.Web.Features.News;

/// <summary>A news item: written by staff as a draft, public once published, editable after that.</summary>
public sealed class NewsItem
{
    public const int TitleMax = 120;
    public const int SummaryMax = 300;
    public const int BodyMax = 20_000;
    public const int SlugMax = 80;

    private NewsItem()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The item's address under /nieuws, made from the first title and kept from then on, so links keep working.</summary>
    public string Slug { get; private set; } = "";

    public string Title { get; private set; } = "";

    public string Summary { get; private set; } = "";

    /// <summary>Markdown, as staff wrote it; shown only through <see cref="NewsMarkdown"/>.</summary>
    public string Body { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>Null while a draft.</summary>
    public DateTime? PublishedAt { get; private set; }

    public bool IsPublished => PublishedAt is not null;

    public static NewsItem Draft(string slug, string title, string summary, string body, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        Slug = slug,
        Title = Printable(title),
        Summary = Printable(summary),
        Body = Printable(body),
        CreatedAt = now,
        UpdatedAt = now,
    };

    public void Edit(string title, string summary, string body, DateTime now) =>
        (Title, Summary, Body, UpdatedAt) = (Printable(title), Printable(summary), Printable(body), now);

    public void Publish(DateTime now) => PublishedAt ??= now;

    // Control characters (a vertical tab pasted from a presentation) have no place in a page and break the Atom feed's XML.
    private static string Printable(string text) => string.Concat(text.Where(c => !char.IsControl(c) || c is '\n' or '\r' or '\t'));
}
