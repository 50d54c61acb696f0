using Interoffice.Web.Infrastructure.Hosting;

namespace Interoffice.Web.Features.Consent;

/// <summary>
/// Where the chain first breaks: a record (changed, unsealed, inserted after, or following a removed one) or a snapshot.
/// The record is named by its number in the log, not by the visitor's consent id (the verdict is shown and printed widely).
/// </summary>
public sealed record ChainBreak(long? RecordId, DateTime? RecordedAt, string? SnapshotHash, string Reason)
{
    public string Describe() => RecordId is { } id
        ? $"keuze {id} (van {DutchTime.Format(RecordedAt!.Value, "d MMMM yyyy HH:mm:ss")} Nederlandse tijd): {Reason}"
        : $"momentopname {SnapshotHash}: {Reason}";
}
