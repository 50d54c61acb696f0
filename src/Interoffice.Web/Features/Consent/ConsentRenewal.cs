namespace Interoffice.Web.Features.Consent;

/// <summary>Why the banner asks again: nothing (a first choice), a new privacy statement, or another change of the cookie policy.</summary>
public enum ConsentRenewal
{
    None,
    Statement,
    Policy,
}
