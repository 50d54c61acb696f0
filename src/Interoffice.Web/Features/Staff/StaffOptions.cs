using System.ComponentModel.DataAnnotations;

namespace Interoffice.Web.Features.Staff;

/// <summary>Bound from the <c>Staff</c> section.</summary>
public sealed class StaffOptions
{
    public const string SectionName = "Staff";

    /// <summary>Sign-in attempts per client address and window (every way of signing in counts).</summary>
    [Range(1, 100000)]
    public int SignInRateLimitPermits { get; set; } = 10;

    [Range(1, 1440)]
    public int SignInRateLimitWindowMinutes { get; set; } = 5;
}
