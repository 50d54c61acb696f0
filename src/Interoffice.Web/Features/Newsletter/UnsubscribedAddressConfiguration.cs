using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Interoffice.Web.Features.Newsletter;

internal sealed class UnsubscribedAddressConfiguration : IEntityTypeConfiguration<UnsubscribedAddress>
{
    public void Configure(EntityTypeBuilder<UnsubscribedAddress> builder)
    {
        builder.ToTable("NewsletterUnsubscribed");
        builder.HasKey(u => u.AddressHash);
        builder.Property(u => u.AddressHash).HasMaxLength(64).IsUnicode(false);
        builder.HasIndex(u => u.UnsubscribedOn);
    }
}
