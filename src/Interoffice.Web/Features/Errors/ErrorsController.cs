using Microsoft.AspNetCore.Mvc;

namespace Interoffice.Web.Features.Errors;

/// <summary>Dutch pages for errors; reached by re-execution from the status-code and exception middleware.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
[IgnoreAntiforgeryToken] // re-executed for failed posts too, including a post that failed its antiforgery check

public sealed class ErrorsController : Controller
{
    [Route("/fout/{code:int?}")]
    public IActionResult Error(int? code)
    {
        var status = code is >= 400 and < 600 ? code.Value : StatusCodes.Status500InternalServerError;
        Response.StatusCode = status;
        return View(status == StatusCodes.Status404NotFound ? "NotFound" : "Error", status);
    }
}
