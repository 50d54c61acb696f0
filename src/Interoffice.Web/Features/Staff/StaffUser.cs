using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Interoffice.Web.Features.Staff;

/// <summary>An Interoffice employee who may sign in to /beheer. Accounts are made on the command line, never by registration.</summary>
public sealed class StaffUser : IdentityUser
{
    /// <summary>Identity's column for the user name and address.</summary>
    public const int MaxEmailLength = 256;

    /// <summary>A disabled account cannot sign in, and a session it still has is refused on the next request.</summary>
    public bool IsDisabled { get; set; }

    public DateTime CreatedAt { get; set; }
}

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

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Property(a => a.Actor).HasMaxLength(256);
        builder.Property(a => a.Action).HasMaxLength(64).IsUnicode(false);
        builder.Property(a => a.Target).HasMaxLength(400);
        builder.HasIndex(a => a.At);
    }
}
