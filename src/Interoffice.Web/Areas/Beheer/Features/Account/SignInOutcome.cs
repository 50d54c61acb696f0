namespace Interoffice.Web.Areas.Beheer.Features.Account;

/// <summary>What a password sign-in came to (see <see cref="StaffSignIn"/>).</summary>
public enum SignInOutcome
{
    Refused,
    SignedIn,
    RequiresCode,
}
