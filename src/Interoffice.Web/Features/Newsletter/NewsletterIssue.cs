namespace Interoffice.Web.Features.Newsletter;

/// <summary>A newsletter as it was sent: to how many, when, by whom; a change notice names the statement version it announced.</summary>
public sealed class NewsletterIssue
{
    public const int SubjectMax = 150;
    public const int BodyMax = 20_000;

    /// <summary>Made when staff begin writing it, so that sending the same form twice sends it once.</summary>
    public required Guid Id { get; init; }

    public required string Subject { get; init; }

    /// <summary>Markdown, as staff wrote it.</summary>
    public required string Body { get; init; }

    public Guid? NewsItemId { get; init; }

    /// <summary>The privacy statement version this issue announced, for a change notice.</summary>
    public string? StatementVersion { get; init; }

    public required DateTime SentAt { get; init; }

    public required string SentBy { get; init; }

    public required int Recipients { get; init; }
}
