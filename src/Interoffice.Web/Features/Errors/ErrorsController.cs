using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Interoffice.Web.Features.Errors;

/// <summary>Dutch pages for errors; reached by re-execution from the status-code and exception middleware.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
[IgnoreAntiforgeryToken] // re-executed for failed posts too, including a post that failed its antiforgery check
public sealed class ErrorsController : Controller
{
    // No parameters: binding one would read the form of the failed request, which may be the very thing that failed.
    [Route("/fout/{code:int?}")]
    public IActionResult Error()
    {
        var status = int.TryParse(RouteData.Values["code"] as string, out var code) && code is >= 400 and < 600
            ? code
            : StatusOf(HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error);
        Response.StatusCode = status;
        return View(status == StatusCodes.Status404NotFound ? "NotFound" : "Error", status);
    }

    // A request the server refused to read (too large, malformed) is the visitor's 4xx, not a fault of the site.
    private static int StatusOf(Exception? error) => error switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        InvalidDataException => StatusCodes.Status413PayloadTooLarge,
        _ => StatusCodes.Status500InternalServerError,
    };
}
