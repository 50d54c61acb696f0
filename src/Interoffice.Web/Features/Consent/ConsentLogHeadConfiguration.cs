using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Interoffice.Web.Features.Consent;

/// <summary>How a <see cref="ConsentLogHead"/> is stored (picked up by the site's context with the other configurations).</summary>
internal sealed class ConsentLogHeadConfiguration : IEntityTypeConfiguration<ConsentLogHead>
{
    public void Configure(EntityTypeBuilder<ConsentLogHead> builder)
    {
        builder.ToTable("ConsentLogHeads");
        builder.Ignore(h => h.Statement);
        builder.Property(h => h.Hash).HasMaxLength(64).IsUnicode(false);
        builder.Property(h => h.KeyFingerprint).HasMaxLength(64).IsUnicode(false);
        builder.Property(h => h.Signature).HasMaxLength(120).IsUnicode(false);

        // One head per size: two writers can never both sign a log of the same length.
        builder.HasIndex(h => h.Size).IsUnique();
    }
}
