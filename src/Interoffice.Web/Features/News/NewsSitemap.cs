using Interoffice.Web.Features.Seo;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Features.News;

/// <summary>The news list and every published item, for sitemap.xml.</summary>
internal sealed class NewsSitemap(SiteDbContext db) : ISitemapSource
{
    public async Task<IReadOnlyList<SitemapEntry>> EntriesAsync(CancellationToken cancellationToken)
    {
        var items = await NewsQueries.Published(db).Select(n => new { n.Slug, n.UpdatedAt }).ToListAsync(cancellationToken);
        return [new SitemapEntry("/nieuws", items.Count == 0 ? null : DutchTime.Day(items.Max(i => i.UpdatedAt))), .. items.Select(i => new SitemapEntry($"/nieuws/{i.Slug}", DutchTime.Day(i.UpdatedAt)))];
    }
}
