using Interoffice.Web.Features.Seo;

namespace Interoffice.Web.Features.News;

/// <summary>News on the site: its pages, its place in the sitemap; the staff area writes it (Areas/Beheer/Features/News).</summary>
public static class NewsExtensions
{
    public static IHostApplicationBuilder AddNews(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<ISitemapSource, NewsSitemap>();
        return builder;
    }
}
