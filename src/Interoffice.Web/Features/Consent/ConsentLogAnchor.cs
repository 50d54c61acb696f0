namespace Interoffice.Web.Features.Consent;

/// <summary>A signed head mailed outside the database as an anchor: which one, and when it was queued (UTC).</summary>
public sealed class ConsentLogAnchor
{
    public long Id { get; set; }

    public long Size { get; init; }

    public required string Hash { get; init; }

    public required string MailedTo { get; init; }

    public DateTime MailedAt { get; init; }
}
