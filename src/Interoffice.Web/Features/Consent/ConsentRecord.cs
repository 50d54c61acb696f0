using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Interoffice.Web.Features.Consent;

/// <summary>
/// The proof of one choice (GDPR art. 7(1)): appended, never changed. A category is true (granted), false
/// (refused) or null (not offered at the time). No IP address is kept, only the browser family. The policy version is
/// the hash of the <see cref="StoredSnapshot"/> the visitor chose under; <see cref="Hash"/> seals this record together
/// with the previous record's hash (see <see cref="ConsentChain"/>).
/// </summary>
public sealed class ConsentRecord
{
    public long Id { get; set; }

    public required string ConsentId { get; set; }

    /// <summary>When the choice was made, in UTC.</summary>
    public DateTime RecordedAt { get; set; }

    public required string PolicyVersion { get; set; }

    public ConsentMethod Method { get; set; }

    public bool? Analytics { get; set; }

    public bool? Tracking { get; set; }

    public bool? Social { get; set; }

    public bool? Advertising { get; set; }

    /// <summary>The browser sent Global Privacy Control with the choice.</summary>
    public bool GlobalPrivacyControl { get; set; }

    public required string BrowserFamily { get; set; }

    /// <summary>The hash of the record before this one in the log (or of the last one retention removed).</summary>
    public string? PreviousHash { get; set; }

    /// <summary>SHA-256 of this record's content together with <see cref="PreviousHash"/>.</summary>
    public string? Hash { get; set; }
}

internal sealed class ConsentRecordConfiguration : IEntityTypeConfiguration<ConsentRecord>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> builder)
    {
        builder.ToTable("ConsentRecords");
        builder.Property(r => r.ConsentId).HasMaxLength(36).IsUnicode(false);
        builder.Property(r => r.PolicyVersion).HasMaxLength(64).IsUnicode(false);
        builder.Property(r => r.Method).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(r => r.BrowserFamily).HasMaxLength(32);
        builder.HasIndex(r => r.ConsentId);
        builder.HasIndex(r => r.RecordedAt);
        builder.Property(r => r.PreviousHash).HasMaxLength(64).IsUnicode(false);
        builder.Property(r => r.Hash).HasMaxLength(64).IsUnicode(false);

        // One successor per record: two instances appending at once cannot fork the chain; the second one retries.
        builder.HasIndex(r => r.PreviousHash).IsUnique();
    }
}
