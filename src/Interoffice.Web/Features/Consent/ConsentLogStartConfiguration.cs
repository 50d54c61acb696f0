using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Interoffice.Web.Features.Consent;

/// <summary>How a <see cref="ConsentLogStart"/> is stored (picked up by the site's context with the other configurations).</summary>
internal sealed class ConsentLogStartConfiguration : IEntityTypeConfiguration<ConsentLogStart>
{
    public void Configure(EntityTypeBuilder<ConsentLogStart> builder)
    {
        builder.ToTable("ConsentLogStart");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.RemovedThroughHash).HasMaxLength(64).IsUnicode(false);
        builder.Property(s => s.KeyFingerprint).HasMaxLength(64).IsUnicode(false);
        builder.Property(s => s.Signature).HasMaxLength(120).IsUnicode(false);
    }
}
