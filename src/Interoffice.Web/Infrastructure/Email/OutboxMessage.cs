using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Interoffice.Web.Infrastructure.Email;

/// <summary>
/// A mail to send, written in the same transaction as what it is about, so that nothing accepted is ever without
/// its mail. Claimed by one instance at a time, just before it is sent; retried with backoff; dead when the mail
/// server refuses it for good or after too many attempts.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string To { get; set; }

    public string? ReplyToName { get; set; }

    public string? ReplyToAddress { get; set; }

    public required string Subject { get; set; }

    public required string TextBody { get; set; }

    public required string HtmlBody { get; set; }

    public int Attempts { get; set; }

    public DateTime NextAttemptAt { get; set; }

    /// <summary>The claim of the sender working on it, and until when that claim holds.</summary>
    public Guid? ClaimToken { get; set; }

    public DateTime? ClaimedUntil { get; set; }

    /// <summary>When it left the outbox: accepted by the mail server, or written to the pickup folder.</summary>
    public DateTime? SentAt { get; set; }

    /// <summary>The file in the pickup folder it was written to, when there is no mail server; deleted with the message.</summary>
    public string? PickupFile { get; set; }

    public DateTime? DeadAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>
    /// What the mail is about, as the feature that queued it names it (the contact form: its submission's id). The
    /// outbox only keeps it; that feature finds its mails by it and hears of their outcome through
    /// <see cref="IOutboxObserver"/>.
    /// </summary>
    public Guid? CorrelationId { get; set; }
}

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
        // The column keeps the name it had when only the contact form queued mail: a rename would break the instances
        // still running during a rolling release (migrations stay additive).
        builder.Property(m => m.CorrelationId).HasColumnName("ContactSubmissionId");
        builder.HasIndex(m => m.CorrelationId).HasDatabaseName("IX_OutboxMessages_ContactSubmissionId");
    }
}
