namespace Interoffice.Web.Features.MyData;

/// <summary>What a person did on their own page, as staff see it on the person's page.</summary>
public enum SelfServiceAction
{
    Viewed,
    Downloaded,
    Corrected,
    Objected,
    Erased,
}
