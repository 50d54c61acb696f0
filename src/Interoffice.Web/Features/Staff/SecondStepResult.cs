namespace Interoffice.Web.Features.Staff;

/// <summary>What a code or recovery code did (see <see cref="SecondStep"/>).</summary>
public enum SecondStepResult
{
    Succeeded,
    Wrong,
    LockedOut,
}
