namespace Interoffice.Web.Features.Consent;

/// <summary>Where a service's markup goes on the page.</summary>
public enum MarkupPlacement
{
    None,
    Head,
    BodyEnd,
}
