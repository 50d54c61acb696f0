namespace Interoffice.Web.Features.Seo;

/// <summary>Pages a feature adds to sitemap.xml beside the fixed public pages (news items, for one); registered by that feature.</summary>
public interface ISitemapSource
{
    Task<IReadOnlyList<SitemapEntry>> EntriesAsync(CancellationToken cancellationToken);
}
