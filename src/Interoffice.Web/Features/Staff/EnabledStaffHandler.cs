using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Interoffice.Web.Features.Staff;

/// <summary>Signed in is not enough: the account must still exist and be enabled, checked on every request.</summary>
internal sealed class EnabledStaffHandler(UserManager<StaffUser> users) : AuthorizationHandler<EnabledStaffRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, EnabledStaffRequirement requirement)
    {
        var user = await users.GetUserAsync(context.User);
        if (user is { IsDisabled: false })
        {
            context.Succeed(requirement);
        }
    }
}
