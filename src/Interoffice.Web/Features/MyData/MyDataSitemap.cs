using Interoffice.Web.Features.Seo;

namespace Interoffice.Web.Features.MyData;

/// <summary>The request page, for sitemap.xml: people look for how to see their data.</summary>
internal sealed class MyDataSitemap : ISitemapSource
{
    public Task<IReadOnlyList<SitemapEntry>> EntriesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SitemapEntry>>([new SitemapEntry("/mijn-gegevens", null)]);
}
