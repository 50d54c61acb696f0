using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Interoffice.Web.Features.Consent;

internal sealed class StoredSnapshotConfiguration : IEntityTypeConfiguration<StoredSnapshot>
{
    public void Configure(EntityTypeBuilder<StoredSnapshot> builder)
    {
        builder.ToTable("ConsentSnapshots");
        builder.HasKey(s => s.Hash);
        builder.Property(s => s.Hash).HasMaxLength(64).IsUnicode(false);
        builder.Property(s => s.Content).IsRequired();
    }
}
