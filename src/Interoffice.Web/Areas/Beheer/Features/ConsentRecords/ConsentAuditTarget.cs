namespace Interoffice.Web.Areas.Beheer.Features.ConsentRecords;

/// <summary>
/// What the audit log says was looked at: the numbers of the records in the consent log, never the consent id. A
/// number says whose choice it was only while the consent log keeps that record, so the audit log, kept longer, does
/// not keep a visitor's id past the consent log's own retention.
/// </summary>
internal static class ConsentAuditTarget
{
    private const int Shown = 10;

    public static string Of(IReadOnlyCollection<long> recordIds) => recordIds.Count switch
    {
        0 => "geen keuzes gevonden",
        1 => $"keuze {recordIds.First()}",
        <= Shown => $"keuzes {string.Join(", ", recordIds)}",
        _ => $"keuzes {string.Join(", ", recordIds.Take(Shown))} en {recordIds.Count - Shown} meer",
    };
}
