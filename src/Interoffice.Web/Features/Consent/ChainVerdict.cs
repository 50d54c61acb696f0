using Interoffice.Web.Infrastructure.Hosting;

namespace Interoffice.Web.Features.Consent;

/// <summary>The verdict on the whole log: intact with its size, or the first break; warnings do not break it.</summary>
public sealed record ChainVerdict(long Records, int Snapshots, string Head, long RemovedByRetention, DateTime? RemovedThroughAt, ChainBreak? Break)
{
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public bool Intact => Break is null;

    /// <summary>The one-line verdict, as the verb prints it and the staff page shows it.</summary>
    public string Describe()
    {
        if (Break is not null)
        {
            return $"Het toestemmingslog is NIET intact. De keten breekt bij {Break.Describe()}. De {Records} keuzes daarvoor kloppen.";
        }

        var removed = RemovedByRetention > 0
            ? $" Het begint na {RemovedByRetention} keuzes die na de bewaartermijn zijn verwijderd (tot en met {DutchTime.Format(RemovedThroughAt!.Value, "d MMMM yyyy")})."
            : "";
        return $"Het toestemmingslog is intact: {Records} keuzes en {Snapshots} momentopnamen kloppen.{removed}";
    }
}
