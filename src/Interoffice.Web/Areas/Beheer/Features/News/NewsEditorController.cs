using Interoffice.Web.Features.News;
using Interoffice.Web.Features.Staff;
using Interoffice.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Areas.Beheer.Features.News;

/// <summary>
/// Staff write news: a draft, a preview of exactly what visitors will see, then publish. Published items stay
/// editable; every change is in the audit log and empties the page cache of the pages that show news.
/// </summary>
[Area(StaffExtensions.Area)]
public sealed class NewsEditorController(SiteDbContext db, AuditLog audit, IOutputCacheStore cache, TimeProvider time) : Controller
{
    private const string Preview = "voorbeeld";
    private const string Publish = "publiceren";

    [HttpGet("/beheer/nieuws")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await NewsQueries.All(db).ToListAsync(cancellationToken));

    [HttpGet("/beheer/nieuws/nieuw")]
    public IActionResult New() => View("Edit", new NewsEditorPage(null, new NewsForm(), null));

    [HttpPost("/beheer/nieuws/nieuw")]
    public async Task<IActionResult> Create(NewsForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid || form.Action == Preview)
        {
            return Editor(null, form);
        }

        var item = await AddDraftAsync(form, cancellationToken);
        await audit.WriteAsync(AuditAction.CreateNews, item.Title, cancellationToken: cancellationToken);
        return await AfterSaveAsync(item, form.Action, cancellationToken);
    }

    [HttpGet("/beheer/nieuws/{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken) =>
        await db.Set<NewsItem>().FindAsync([id], cancellationToken) is { } item
            ? View("Edit", new NewsEditorPage(item, NewsForm.Of(item), NewsMarkdown.ToHtml(item.Body)))
            : NotFound();

    [HttpPost("/beheer/nieuws/{id:guid}")]
    public async Task<IActionResult> Save(Guid id, NewsForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await db.Set<NewsItem>().FindAsync([id], cancellationToken) is not { } item)
        {
            return NotFound();
        }

        if (!ModelState.IsValid || form.Action == Preview)
        {
            return Editor(item, form);
        }

        item.Edit(form.Title!.Trim(), form.Summary!.Trim(), form.Body!, Now());
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(AuditAction.EditNews, item.Title, cancellationToken: cancellationToken);
        return await AfterSaveAsync(item, form.Action, cancellationToken);
    }

    // The form again, as posted: with its errors, or with the preview of what it would show.
    private ViewResult Editor(NewsItem? item, NewsForm form) =>
        View("Edit", new NewsEditorPage(item, form, ModelState.IsValid ? NewsMarkdown.ToHtml(form.Body!) : null));

    private async Task<IActionResult> AfterSaveAsync(NewsItem item, string? action, CancellationToken cancellationToken)
    {
        if (action == Publish && !item.IsPublished)
        {
            item.Publish(Now());
            await db.SaveChangesAsync(cancellationToken);
            await audit.WriteAsync(AuditAction.PublishNews, item.Title, cancellationToken: cancellationToken);
        }

        if (item.IsPublished)
        {
            await cache.EvictByTagAsync(NewsController.CacheTag, cancellationToken);
        }

        TempData["Melding"] = item.IsPublished ? $"Opgeslagen. Het bericht staat op /nieuws/{item.Slug}." : "Het concept is opgeslagen; bezoekers zien het pas na publiceren.";
        return Redirect($"/beheer/nieuws/{item.Id}");
    }

    // Another item may take the same address between the check and the save (two staff, one title): then the next one.
    private async Task<NewsItem> AddDraftAsync(NewsForm form, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var item = NewsItem.Draft(await FreeSlugAsync(form.Title!, cancellationToken), form.Title!.Trim(), form.Summary!.Trim(), form.Body!, Now());
            db.Add(item);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return item;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.Entry(item).State = EntityState.Detached;
            }
        }
    }

    private async Task<string> FreeSlugAsync(string title, CancellationToken cancellationToken)
    {
        var slug = NewsSlug.From(title);
        for (var n = 2; await NewsQueries.SlugTakenAsync(db, slug, cancellationToken); n++)
        {
            slug = $"{NewsSlug.From(title)}-{n}";
        }

        return slug;
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
