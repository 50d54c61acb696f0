using Interoffice.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Features.News;

/// <summary>
/// The three newest items, for the home page. While the database is still being prepared at start the home page is
/// shown without them (not waited for, and not cached that way), so the first page stays as quick as before.
/// </summary>
public sealed class LatestNewsViewComponent(SiteDbContext db, DatabaseGate database) : ViewComponent
{
    public const int Count = 3;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!database.Ready.IsCompletedSuccessfully)
        {
            if (HttpContext.Features.Get<IOutputCacheFeature>() is { } cache)
            {
                cache.Context.AllowCacheStorage = false;
            }

            return Content("");
        }

        var items = await NewsQueries.Published(db).Take(Count).ToListAsync(HttpContext.RequestAborted);
        return items.Count == 0 ? Content("") : View("/Features/News/_LatestNews.cshtml", items);
    }
}
