namespace Interoffice.Web.Features.Staff;

/// <summary>Bound from the <c>Retention</c> section: how long the audit log keeps an entry.</summary>
public sealed class AuditRetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Months an entry of the staff audit log is kept.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 120)]
    public int AuditLogMonths { get; set; } = 24;
}
