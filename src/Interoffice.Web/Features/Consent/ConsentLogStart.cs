namespace Interoffice.Web.Features.Consent;

/// <summary>
/// Where the chain starts after retention removed its oldest records: the hash of the last removed record (the first
/// remaining record must point at it), how many were removed and until when. One row, written by retention only.
/// </summary>
public sealed class ConsentLogStart
{
    public const int SingleId = 1;

    public int Id { get; set; } = SingleId;

    /// <summary>The id of the last removed record: retention only ever moves it forward.</summary>
    public long RemovedThroughId { get; set; }

    public required string RemovedThroughHash { get; set; }

    public long RemovedCount { get; set; }

    /// <summary>The time of the last removed record (UTC).</summary>
    public DateTime RemovedThroughAt { get; set; }
}
