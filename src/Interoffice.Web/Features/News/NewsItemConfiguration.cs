using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Interoffice.Web.Features.News;

internal sealed class NewsItemConfiguration : IEntityTypeConfiguration<NewsItem>
{
    public void Configure(EntityTypeBuilder<NewsItem> builder)
    {
        builder.ToTable("NewsItems");
        builder.Property(n => n.Slug).HasMaxLength(NewsItem.SlugMax).IsUnicode(false);
        builder.HasIndex(n => n.Slug).IsUnique();
        builder.Property(n => n.Title).HasMaxLength(NewsItem.TitleMax);
        builder.Property(n => n.Summary).HasMaxLength(NewsItem.SummaryMax);
        builder.Property(n => n.Body).HasMaxLength(NewsItem.BodyMax);
        builder.HasIndex(n => n.PublishedAt);
        builder.Ignore(n => n.IsPublished);
    }
}
