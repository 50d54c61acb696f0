namespace Interoffice.Web.Features.Newsletter;

public enum ConfirmOutcome
{
    Confirmed,

    /// <summary>Used already, replaced by a newer link, or never made here.</summary>
    Unknown,

    Expired,
}
