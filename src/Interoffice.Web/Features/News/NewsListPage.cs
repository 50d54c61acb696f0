namespace Interoffice.Web.Features.News;

/// <summary>One page of the news list (from 1) and whether an older page follows.</summary>
public sealed record NewsListPage(IReadOnlyList<NewsItem> Items, int Page, bool HasOlder)
{
    public string PathOf(int page) => page <= 1 ? "/nieuws" : $"/nieuws/pagina/{page}";
}
