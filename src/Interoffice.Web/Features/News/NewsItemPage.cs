using System.Text.Json;
using Interoffice.Web.Features.Shared;
using Interoffice.Web.Infrastructure.Hosting;

namespace Interoffice.Web.Features.News;

/// <summary>An item's page: the item, its body as safe HTML, and its JSON-LD for search engines.</summary>
public sealed record NewsItemPage(NewsItem Item, string BodyHtml, string BaseUrl)
{
    /// <summary>schema.org NewsArticle; serialized by System.Text.Json, which escapes &lt; so it cannot end its script element.</summary>
    public string JsonLd => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["@context"] = "https://schema.org",
        ["@type"] = "NewsArticle",
        ["headline"] = Item.Title,
        ["description"] = Item.Summary,
        ["datePublished"] = DutchTime.Iso(Item.PublishedAt!.Value),
        ["dateModified"] = DutchTime.Iso(Item.UpdatedAt),
        ["mainEntityOfPage"] = $"{BaseUrl}/nieuws/{Item.Slug}",
        ["author"] = new Dictionary<string, string> { ["@type"] = "Organization", ["name"] = Company.Name },
        ["publisher"] = new Dictionary<string, string> { ["@type"] = "Organization", ["name"] = Company.Name },
    });
}
