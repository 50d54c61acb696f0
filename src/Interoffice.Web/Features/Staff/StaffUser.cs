using Microsoft.AspNetCore.Identity;

namespace Interoffice.Web.Features.Staff;

/// <summary>An Interoffice employee who may sign in to /beheer. Accounts are made on the command line, never by registration.</summary>
public sealed class StaffUser : IdentityUser
{
    /// <summary>Identity's column for the user name and address.</summary>
    public const int MaxEmailLength = 256;

    /// <summary>A disabled account cannot sign in, and a session it still has is refused on the next request.</summary>
    public bool IsDisabled { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Wrong codes and recovery codes after a right password since the last success (see <see cref="SecondStep"/>).</summary>
    public int SecondStepFailures { get; set; }

    /// <summary>Until when the second step is refused; apart from Identity's lockout, which only wrong passwords set.</summary>
    public DateTimeOffset? SecondStepLockoutEnd { get; set; }
}
