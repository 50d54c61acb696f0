using Interoffice.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Features.News;

/// <summary>The news items as the public pages and the staff editor read them.</summary>
public static class NewsQueries
{
    public const int PageSize = 10;

    /// <summary>Published items, newest first.</summary>
    public static IQueryable<NewsItem> Published(SiteDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<NewsItem>().AsNoTracking().Where(n => n.PublishedAt != null).OrderByDescending(n => n.PublishedAt).ThenBy(n => n.Slug);
    }

    /// <summary>Every item, drafts first, then newest first.</summary>
    public static IQueryable<NewsItem> All(SiteDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<NewsItem>().AsNoTracking().OrderBy(n => n.PublishedAt != null).ThenByDescending(n => n.UpdatedAt);
    }

    public static Task<bool> SlugTakenAsync(SiteDbContext db, string slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<NewsItem>().AnyAsync(n => n.Slug == slug, cancellationToken);
    }
}
