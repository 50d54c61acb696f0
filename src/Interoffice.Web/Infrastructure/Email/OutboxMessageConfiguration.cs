using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Interoffice.Web.Infrastructure.Email;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.Property(m => m.To).HasMaxLength(320);
        builder.Property(m => m.ReplyToName).HasMaxLength(200);
        builder.Property(m => m.ReplyToAddress).HasMaxLength(320);
        builder.Property(m => m.Subject).HasMaxLength(400);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.Property(m => m.PickupFile).HasMaxLength(100).IsUnicode(false);
        builder.HasIndex(m => new { m.SentAt, m.DeadAt, m.NextAttemptAt });
        builder.HasIndex(m => m.CorrelationId);
        builder.Property(m => m.Lane).HasMaxLength(40).IsUnicode(false);
        builder.Property(m => m.UnsubscribeUrl).HasMaxLength(400).IsUnicode(false);
        builder.HasIndex(m => new { m.Lane, m.SentAt });
    }
}
