using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Interoffice.Web.Features.Newsletter;

internal sealed class SignUpWordingConfiguration : IEntityTypeConfiguration<SignUpWording>
{
    public void Configure(EntityTypeBuilder<SignUpWording> builder)
    {
        builder.ToTable("NewsletterWordings");
        builder.HasKey(w => w.Sha256);
        builder.Property(w => w.Sha256).HasMaxLength(64).IsUnicode(false);
        builder.Property(w => w.Text).HasMaxLength(4000);
    }
}
