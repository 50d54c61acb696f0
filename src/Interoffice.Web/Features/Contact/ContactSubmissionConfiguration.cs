using Interoffice.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Interoffice.Web.Features.Contact;

/// <summary>The submissions' table, on both providers, and what differs on SQL Server.</summary>
internal sealed class ContactSubmissionConfiguration : IEntityTypeConfiguration<ContactSubmission>, ISqlServerModelConfiguration
{
    public void Configure(EntityTypeBuilder<ContactSubmission> builder)
    {
        builder.ToTable("ContactSubmissions");
        builder.Property(s => s.Reference).HasMaxLength(16).IsUnicode(false);
        builder.HasIndex(s => s.Reference).IsUnique();
        builder.Property(s => s.Name).HasMaxLength(ContactForm.NameMax);
        builder.Property(s => s.Email).HasMaxLength(ContactForm.EmailMax);
        builder.Property(s => s.Phone).HasMaxLength(16).IsUnicode(false);
        builder.Property(s => s.Message).HasMaxLength(ContactForm.MessageMax);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(24).IsUnicode(false);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(s => s.HandledBy).HasMaxLength(256);
        builder.Property(s => s.ExtensionReason).HasMaxLength(400);
        builder.HasIndex(s => s.ReceivedAt);
        builder.Property(s => s.NormalizedEmail).HasMaxLength(ContactForm.EmailMax);
        builder.HasIndex(s => s.NormalizedEmail);
    }

    // The compared form of an address is made by the site (EmailAddresses): SQL Server must not fold it further.
    public void ConfigureSqlServer(ModelBuilder builder) =>
        builder.Entity<ContactSubmission>().Property(s => s.NormalizedEmail).UseCollation(SqlServerSiteDbContext.ExactCollation);
}
