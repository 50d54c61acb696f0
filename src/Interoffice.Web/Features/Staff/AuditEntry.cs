namespace Interoffice.Web.Features.Staff;

/// <summary>One staff action, for accountability: who, when, what, and the ids it concerned — never message contents.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    /// <summary>The staff member's e-mail address, or "opdrachtregel" for an account verb.</summary>
    public required string Actor { get; set; }

    public required string Action { get; set; }

    /// <summary>What it concerned: a reference, a consent id, an account, a period.</summary>
    public string? Target { get; set; }
}
