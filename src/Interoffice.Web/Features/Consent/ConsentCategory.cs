namespace Interoffice.Web.Features.Consent;

/// <summary>The cookie categories of the privacy statement. Functional is always on and never a choice.</summary>
public enum ConsentCategory
{
    Functional,
    Analytics,
    Tracking,
    Social,
    Advertising,
}
