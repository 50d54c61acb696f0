using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Interoffice.Web.Features.Consent;

/// <summary>How a <see cref="ConsentLogKey"/> is stored (picked up by the site's context with the other configurations).</summary>
internal sealed class ConsentLogKeyConfiguration : IEntityTypeConfiguration<ConsentLogKey>
{
    public void Configure(EntityTypeBuilder<ConsentLogKey> builder)
    {
        builder.ToTable("ConsentLogKeys");
        builder.Property(k => k.Fingerprint).HasMaxLength(64).IsUnicode(false);
        builder.Property(k => k.PublicKeyPem).HasMaxLength(400).IsUnicode(false);
    }
}
