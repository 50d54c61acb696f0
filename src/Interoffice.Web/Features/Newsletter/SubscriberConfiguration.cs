using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Interoffice.Web.Features.Newsletter;

internal sealed class SubscriberConfiguration : IEntityTypeConfiguration<Subscriber>
{
    public void Configure(EntityTypeBuilder<Subscriber> builder)
    {
        builder.ToTable("NewsletterSubscribers");
        builder.Property(s => s.Email).HasMaxLength(Subscriber.EmailMax);
        builder.Property(s => s.NormalizedEmail).HasMaxLength(Subscriber.EmailMax);
        builder.HasIndex(s => s.NormalizedEmail).IsUnique();
        builder.Property(s => s.TokenHash).HasMaxLength(64).IsUnicode(false);
        builder.HasIndex(s => s.TokenHash);
        builder.Property(s => s.Source).HasConversion<string>().HasMaxLength(10).IsUnicode(false);
        builder.Property(s => s.AddedBy).HasMaxLength(256);
        builder.Property(s => s.WordingSha256).HasMaxLength(64).IsUnicode(false);
        builder.HasOne<SignUpWording>().WithMany().HasForeignKey(s => s.WordingSha256).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.ConfirmedAt);
        builder.Ignore(s => s.IsConfirmed);
    }
}
