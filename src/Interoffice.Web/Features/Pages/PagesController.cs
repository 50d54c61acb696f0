using Microsoft.AspNetCore.Mvc;

namespace Interoffice.Web.Features.Pages;

/// <summary>The site's informational pages.</summary>
public sealed class PagesController : Controller
{
    [HttpGet("/")]
    public IActionResult Home() => View();

    [HttpGet("/diensten")]
    public IActionResult Services() => View();

    [HttpGet("/over-ons")]
    public IActionResult About() => View();
}
