using Interoffice.Web.Infrastructure.Hosting;

namespace Interoffice.Web.Features.Consent;

/// <summary>
/// Where the log first breaks: a record (changed, unsealed, inserted after, or following a removed one), a snapshot,
/// or a signed head (its signature, or the records it covers). A record is named by its number in the log, not by the
/// visitor's consent id (the verdict is shown and printed widely); a head by the log's size it signed.
/// </summary>
public sealed record ChainBreak(long? RecordId, DateTime? RecordedAt, string? SnapshotHash, string Reason)
{
    public long? HeadSize { get; init; }

    /// <summary>The break is where the log starts after retention.</summary>
    public bool AtLogStart { get; init; }

    public static ChainBreak AtHead(long size, string reason) => new(null, null, null, reason) { HeadSize = size };

    public static ChainBreak AtStart(string reason) => new(null, null, null, reason) { AtLogStart = true };

    public string Describe() => (RecordId, HeadSize) switch
    {
        _ when AtLogStart => $"het begin van het log: {Reason}",
        ({ } id, _) => $"keuze {id} (van {DutchTime.Format(RecordedAt!.Value, "d MMMM yyyy HH:mm:ss")} Nederlandse tijd): {Reason}",
        (_, { } size) => $"de ondertekende kop over {size} keuzes: {Reason}",
        _ => $"momentopname {SnapshotHash}: {Reason}",
    };
}
