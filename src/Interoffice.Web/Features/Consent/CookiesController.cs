using Microsoft.AspNetCore.Mvc;

namespace Interoffice.Web.Features.Consent;

public sealed class CookiesController : Controller
{
    [HttpGet("/cookies")]
    public IActionResult Statement() => View();
}
