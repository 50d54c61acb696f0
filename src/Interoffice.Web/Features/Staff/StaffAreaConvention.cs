using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Authorization;

namespace Interoffice.Web.Features.Staff;

/// <summary>Every controller in the staff area requires an enabled staff account, unless it says [AllowAnonymous] (the sign-in).</summary>
internal sealed class StaffAreaConvention : IControllerModelConvention
{
    public void Apply(ControllerModel controller)
    {
        if (controller.RouteValues.TryGetValue("area", out var area) && area == StaffExtensions.Area)
        {
            controller.Filters.Add(new AuthorizeFilter(StaffExtensions.Policy));
        }
    }
}
