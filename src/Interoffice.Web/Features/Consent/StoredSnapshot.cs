namespace Interoffice.Web.Features.Consent;

/// <summary>
/// A <see cref="PolicySnapshot"/> as the database keeps it (table <c>ConsentSnapshots</c>): its canonical JSON under
/// its hash, written once and never changed.
/// </summary>
public sealed class StoredSnapshot
{
    public required string Hash { get; init; }

    public required string Content { get; init; }

    /// <summary>When this instance first stored it (UTC).</summary>
    public DateTime FirstServedAt { get; init; }
}
