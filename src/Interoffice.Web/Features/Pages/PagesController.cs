using Interoffice.Web.Features.Consent;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Interoffice.Web.Features.Pages;

/// <summary>The site's informational pages.</summary>
public sealed class PagesController : Controller
{
    [HttpGet("/")]
    [OutputCache(PolicyName = ConsentPageCache.Name, Tags = [News.NewsController.CacheTag])]
    public IActionResult Home() => View();

    [HttpGet("/diensten")]
    [OutputCache(PolicyName = ConsentPageCache.Name)]
    public IActionResult Services() => View();

    [HttpGet("/over-ons")]
    [OutputCache(PolicyName = ConsentPageCache.Name)]
    public IActionResult About() => View();
}
