using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Interoffice.Web.Features.Consent;

/// <summary>How a <see cref="ConsentRecord"/> is stored (picked up by the site's context with the other configurations).</summary>
internal sealed class ConsentRecordConfiguration : IEntityTypeConfiguration<ConsentRecord>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> builder)
    {
        builder.ToTable("ConsentRecords");
        builder.Property(r => r.ConsentId).HasMaxLength(36).IsUnicode(false);
        builder.Property(r => r.PolicyVersion).HasMaxLength(64).IsUnicode(false);
        builder.Property(r => r.Method).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(r => r.BrowserFamily).HasMaxLength(32);
        builder.HasIndex(r => r.ConsentId);
        builder.HasIndex(r => r.RecordedAt);
        builder.Property(r => r.PreviousHash).HasMaxLength(64).IsUnicode(false);
        builder.Property(r => r.Hash).HasMaxLength(64).IsUnicode(false);

        // Rows written by 1.0 (and by a 1.0 instance during a rolling release) are format 1.
        builder.Property(r => r.Format).HasDefaultValue(1);

        // One successor per record: the last guard against a fork, should two writers ever append at once.
        builder.HasIndex(r => r.PreviousHash).IsUnique();
    }
}
