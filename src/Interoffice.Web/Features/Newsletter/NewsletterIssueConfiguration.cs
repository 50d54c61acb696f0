using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Interoffice.Web.Features.Newsletter;

internal sealed class NewsletterIssueConfiguration : IEntityTypeConfiguration<NewsletterIssue>
{
    public void Configure(EntityTypeBuilder<NewsletterIssue> builder)
    {
        builder.ToTable("NewsletterIssues");
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Subject).HasMaxLength(NewsletterIssue.SubjectMax);
        builder.Property(i => i.Body).HasMaxLength(NewsletterIssue.BodyMax);
        builder.Property(i => i.StatementVersion).HasMaxLength(16).IsUnicode(false);
        builder.Property(i => i.SentBy).HasMaxLength(256);
        builder.HasIndex(i => i.SentAt);
    }
}
