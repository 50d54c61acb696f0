namespace Interoffice.Web.Features.MyData;

/// <summary>The words for a <see cref="SelfServiceAction"/>: on the person's page and in the audit log.</summary>
public static class SelfServiceActions
{
    /// <summary>Who the audit log names for what a visitor did themselves.</summary>
    public const string Actor = "bezoeker (Mijn gegevens)";

    /// <summary>The audit log's name for an erasure the person did themselves (their activity goes with it).</summary>
    public const string ErasedAudit = "mijn-gegevens-gewist";

    public static string Label(this SelfServiceAction action) => action switch
    {
        SelfServiceAction.Viewed => "Bekeken",
        SelfServiceAction.Downloaded => "Gedownload",
        SelfServiceAction.Corrected => "Gecorrigeerd",
        SelfServiceAction.Objected => "Bezwaar gemaakt",
        SelfServiceAction.Erased => "Gewist (behalve wat bewaard moet blijven)",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    /// <summary>The action as the audit log names it.</summary>
    public static string AuditName(this SelfServiceAction action) => action switch
    {
        SelfServiceAction.Viewed => "mijn-gegevens-bekeken",
        SelfServiceAction.Downloaded => "mijn-gegevens-gedownload",
        SelfServiceAction.Corrected => "mijn-gegevens-gecorrigeerd",
        SelfServiceAction.Objected => "mijn-gegevens-bezwaar",
        SelfServiceAction.Erased => ErasedAudit,
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };
}
