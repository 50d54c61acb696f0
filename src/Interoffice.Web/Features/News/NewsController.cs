using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Interoffice.Web.Features.Consent;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Interoffice.Web.Features.News;

/// <summary>The public news: the list with pages of ten, each item's own page, and the Atom feed. From the page cache, which publishing empties.</summary>
public sealed class NewsController(SiteDbContext db, IOptions<SiteOptions> site) : Controller
{
    /// <summary>The page cache's tag of every page that shows news (the home page too); publishing or editing evicts it.</summary>
    public const string CacheTag = "news";

    [HttpGet("/nieuws")]
    [OutputCache(PolicyName = ConsentPageCache.Name, Tags = [CacheTag])]
    public Task<IActionResult> Index(CancellationToken cancellationToken) => PageAsync(1, cancellationToken);

    // A page number in the path, not the query: the page cache keys on the path. Bounded, so made-up numbers cannot
    // overflow the offset; a page past the last is a 404, which is never cached.
    [HttpGet("/nieuws/pagina/{page:int:range(2,10000)}")]
    [OutputCache(PolicyName = ConsentPageCache.Name, Tags = [CacheTag])]
    public Task<IActionResult> Page(int page, CancellationToken cancellationToken) => PageAsync(page, cancellationToken);

    [HttpGet("/nieuws/{slug:regex(^[[a-z0-9-]]{{1,80}}$)}")]
    [OutputCache(PolicyName = ConsentPageCache.Name, Tags = [CacheTag])]
    public async Task<IActionResult> Item(string slug, CancellationToken cancellationToken)
    {
        var item = await NewsQueries.Published(db).FirstOrDefaultAsync(n => n.Slug == slug, cancellationToken);
        return item is null ? NotFound() : View(new NewsItemPage(item, NewsMarkdown.ToHtml(item.Body), site.Value.PublicBaseUrl(Request)));
    }

    [HttpGet("/nieuws/feed.xml")]
    [OutputCache(PolicyName = ConsentPageCache.Name, Tags = [CacheTag])]
    public async Task<IActionResult> Feed(CancellationToken cancellationToken)
    {
        var baseUrl = site.Value.PublicBaseUrl(Request);
        var items = await NewsQueries.Published(db).Take(20).ToListAsync(cancellationToken);
        var feed = new SyndicationFeed("Nieuws van Interoffice", "Nieuws van Interoffice Document Solutions", new Uri(baseUrl + "/nieuws"), baseUrl + "/nieuws", items.Count == 0 ? DateTimeOffset.UnixEpoch : Utc(items.Max(i => i.UpdatedAt)))
        {
            Language = "nl-NL",
            Items = items.Select(item => new SyndicationItem(item.Title, SyndicationContent.CreateHtmlContent(NewsMarkdown.ToHtml(item.Body)), new Uri($"{baseUrl}/nieuws/{item.Slug}"), $"{baseUrl}/nieuws/{item.Slug}", Utc(item.UpdatedAt))
            {
                PublishDate = Utc(item.PublishedAt!.Value),
                Summary = new TextSyndicationContent(item.Summary),
            }).ToList(),
        };
        feed.Links.Add(new SyndicationLink(new Uri(baseUrl + "/nieuws/feed.xml")) { RelationshipType = "self", MediaType = "application/atom+xml" });
        feed.Authors.Add(new SyndicationPerson { Name = Shared.Company.Name });
        using var bytes = new MemoryStream();
        using (var writer = XmlWriter.Create(bytes, new XmlWriterSettings { Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), Indent = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return File(bytes.ToArray(), "application/atom+xml; charset=utf-8");
    }

    private async Task<IActionResult> PageAsync(int page, CancellationToken cancellationToken)
    {
        var items = await NewsQueries.Published(db).Skip((page - 1) * NewsQueries.PageSize).Take(NewsQueries.PageSize + 1).ToListAsync(cancellationToken);
        if (page > 1 && items.Count == 0)
        {
            return NotFound();
        }

        return View("Index", new NewsListPage(items.Take(NewsQueries.PageSize).ToList(), page, items.Count > NewsQueries.PageSize));
    }

    private static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
