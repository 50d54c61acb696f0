using System.Data.Common;
using Interoffice.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Features.News;

/// <summary>
/// The three newest items, for the home page. While the database is still being prepared at start the home page is
/// shown without them (not waited for, and not cached that way), so the first page stays as quick as before; so is it
/// when the database cannot be read.
/// </summary>
public sealed partial class LatestNewsViewComponent(SiteDbContext db, DatabaseGate database, ILogger<LatestNewsViewComponent> logger) : ViewComponent
{
    public const int Count = 3;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!database.Ready.IsCompletedSuccessfully)
        {
            return WithoutNews();
        }

        try
        {
            var items = await NewsQueries.Published(db).Take(Count).ToListAsync(HttpContext.RequestAborted);
            return items.Count == 0 ? Content("") : View("/Features/News/_LatestNews.cshtml", items);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException && !HttpContext.RequestAborted.IsCancellationRequested)
        {
            // The home page is not worth a 500 for its news: it is shown without them.
            LogNewsUnavailable(logger, ex);
            return WithoutNews();
        }
    }

    private ContentViewComponentResult WithoutNews()
    {
        if (HttpContext.Features.Get<IOutputCacheFeature>() is { } cache)
        {
            cache.Context.AllowCacheStorage = false;
        }

        return Content("");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The home page was shown without its news: the database could not be read")]
    private static partial void LogNewsUnavailable(ILogger logger, Exception exception);
}
