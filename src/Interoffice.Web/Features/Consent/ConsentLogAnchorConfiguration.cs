using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Interoffice.Web.Features.Consent;

/// <summary>How a <see cref="ConsentLogAnchor"/> is stored (picked up by the site's context with the other configurations).</summary>
internal sealed class ConsentLogAnchorConfiguration : IEntityTypeConfiguration<ConsentLogAnchor>
{
    public void Configure(EntityTypeBuilder<ConsentLogAnchor> builder)
    {
        builder.ToTable("ConsentLogAnchors");
        builder.Property(a => a.Hash).HasMaxLength(64).IsUnicode(false);
        builder.Property(a => a.MailedTo).HasMaxLength(254);
    }
}
