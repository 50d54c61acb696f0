namespace Interoffice.Web.Features.Newsletter;

/// <summary>The newsletter's one key, sealed with the site's Data Protection keys: it keys the address hashes and the unsubscribe links.</summary>
public sealed class NewsletterSecret
{
    public const int TheOne = 1;

    public int Id { get; init; } = TheOne;

    public required string Sealed { get; init; }
}
