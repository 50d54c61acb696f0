using Microsoft.AspNetCore.Mvc;

namespace Interoffice.Web.Infrastructure.Hosting;

public static class ControllerExtensions
{
    /// <summary>Post-redirect-get: 303 sends the browser on to <paramref name="location"/> with a GET.</summary>
    public static StatusCodeResult SeeOther(this ControllerBase controller, string location)
    {
        ArgumentNullException.ThrowIfNull(controller);
        controller.Response.Headers.Location = location;
        return controller.StatusCode(StatusCodes.Status303SeeOther);
    }
}
