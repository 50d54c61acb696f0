using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Interoffice.Web.Features.Newsletter;

internal sealed class NewsletterSecretConfiguration : IEntityTypeConfiguration<NewsletterSecret>
{
    public void Configure(EntityTypeBuilder<NewsletterSecret> builder)
    {
        builder.ToTable("NewsletterSecrets");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Sealed).HasMaxLength(1000).IsUnicode(false);
    }
}
