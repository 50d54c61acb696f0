using Interoffice.Web.Features.Contact;
using Interoffice.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Interoffice.Web.Features.MyData;

/// <summary>The tables of "Mijn gegevens": links, sessions and what people did, each found by the address it is about.</summary>
internal sealed class MyDataConfiguration : IEntityTypeConfiguration<AccessLink>, IEntityTypeConfiguration<AccessSession>, IEntityTypeConfiguration<SelfServiceActivity>, ISqlServerModelConfiguration
{
    public void Configure(EntityTypeBuilder<AccessLink> builder)
    {
        builder.ToTable("MyDataLinks");
        builder.Property(l => l.NormalizedEmail).HasMaxLength(ContactForm.EmailMax);
        builder.Property(l => l.TokenHash).HasMaxLength(64).IsUnicode(false);
        builder.Property(l => l.BrowserHash).HasMaxLength(64).IsUnicode(false);
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasIndex(l => new { l.NormalizedEmail, l.CreatedAt });
    }

    public void Configure(EntityTypeBuilder<AccessSession> builder)
    {
        builder.ToTable("MyDataSessions");
        builder.Property(s => s.NormalizedEmail).HasMaxLength(ContactForm.EmailMax);
        builder.Property(s => s.SecretHash).HasMaxLength(64).IsUnicode(false);
        builder.HasIndex(s => s.SecretHash).IsUnique();
        builder.HasIndex(s => s.NormalizedEmail);
    }

    public void Configure(EntityTypeBuilder<SelfServiceActivity> builder)
    {
        builder.ToTable("MyDataActivities");
        builder.Property(a => a.NormalizedEmail).HasMaxLength(ContactForm.EmailMax);
        builder.Property(a => a.Action).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(a => a.Detail).HasMaxLength(400);
        builder.HasIndex(a => new { a.NormalizedEmail, a.At });
    }

    // The compared form of an address is made by the site: SQL Server must not fold it further.
    public void ConfigureSqlServer(ModelBuilder builder)
    {
        builder.Entity<AccessLink>().Property(l => l.NormalizedEmail).UseCollation(SqlServerSiteDbContext.ExactCollation);
        builder.Entity<AccessSession>().Property(s => s.NormalizedEmail).UseCollation(SqlServerSiteDbContext.ExactCollation);
        builder.Entity<SelfServiceActivity>().Property(a => a.NormalizedEmail).UseCollation(SqlServerSiteDbContext.ExactCollation);
    }
}
