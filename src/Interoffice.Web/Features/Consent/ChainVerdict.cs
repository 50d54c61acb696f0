using Interoffice.Web.Infrastructure.Hosting;

namespace Interoffice.Web.Features.Consent;

/// <summary>The verdict on the whole log: intact with its size and its last signed head, or the first break; warnings do not break it.</summary>
public sealed record ChainVerdict(long Records, int Snapshots, string Head, long RemovedByRetention, DateTime? RemovedThroughAt, ChainBreak? Break)
{
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The newest signed head, if any.</summary>
    public ConsentLogHead? LastHead { get; init; }

    /// <summary>Every key the log has used, oldest first.</summary>
    public IReadOnlyList<ConsentLogKey> Keys { get; init; } = [];

    /// <summary>This site signs what it appends (a key is configured).</summary>
    public bool Signing { get; init; }

    /// <summary>Records after the last signed head: only while no key is configured.</summary>
    public long UnsignedRecords { get; init; }

    /// <summary>Remaining records written before the log was first signed (by version 1.0, or while no key was set).</summary>
    public long BeforeSigning { get; init; }

    /// <summary>No key was configured or given: the signatures were checked against the keys in the database itself.</summary>
    public bool KeysFromDatabase { get; init; }

    /// <summary>The last signed head mailed as an anchor.</summary>
    public ConsentLogAnchor? LastAnchor { get; init; }

    /// <summary>Where the anchor that was asked for sits in the log (its size there), or null when it is not in it.</summary>
    public long? AnchorAt { get; init; }

    public bool Intact => Break is null;

    /// <summary>All records since the first, those removed by retention included.</summary>
    public long Size => RemovedByRetention + Records;

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
        var signed = (LastHead, UnsignedRecords) switch
        {
            (_, > 0) => $" Let op: het log is NIET ondertekend; de laatste {UnsignedRecords} keuzes zijn door geen handtekening gedekt (er is geen sleutel ingesteld).",
            (null, _) when !Signing => " Let op: het log is NIET ondertekend (er is geen sleutel ingesteld).",
            (null, _) => "",
            ({ } head, _) => $" Ondertekend tot en met keuze {head.Size} van het log ({DutchTime.Format(head.SignedAt, "d MMMM yyyy HH:mm:ss")} Nederlandse tijd).",
        };
        var before = BeforeSigning > 0 && Signing ? $" De eerste {BeforeSigning} keuzes zijn geschreven voordat het log werd ondertekend; de handtekeningen dekken ze pas vanaf de eerste." : "";
        var keys = KeysFromDatabase && LastHead is not null ? " De handtekeningen zijn alleen gecontroleerd met de sleutels uit de database zelf; geef de gepubliceerde sleutels mee (--keys) om ze te vertrouwen." : "";
        return $"Het toestemmingslog is intact: {Records} keuzes en {Snapshots} momentopnamen kloppen.{removed}{signed}{before}{keys}";
    }
}
