using Microsoft.AspNetCore.Mvc;

namespace Interoffice.Web.Features.Privacy;

public sealed class PrivacyController(PrivacyStatementProvider statement) : Controller
{
    [HttpGet("/privacyverklaring")]
    public IActionResult Statement() => View(statement.Current);
}
