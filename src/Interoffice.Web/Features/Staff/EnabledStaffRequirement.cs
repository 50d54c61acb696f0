using Microsoft.AspNetCore.Authorization;

namespace Interoffice.Web.Features.Staff;

/// <summary>The account behind a session still exists and is enabled (see <see cref="EnabledStaffHandler"/>).</summary>
internal sealed class EnabledStaffRequirement : IAuthorizationRequirement;
