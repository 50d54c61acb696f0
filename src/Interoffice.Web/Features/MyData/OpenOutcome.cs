namespace Interoffice.Web.Features.MyData;

/// <summary>What became of a link from the mail when its button was pressed.</summary>
public enum OpenOutcome
{
    Opened,
    Unknown,
    Used,
    Expired,
    OtherBrowser,
}
