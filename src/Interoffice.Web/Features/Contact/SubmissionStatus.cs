namespace Interoffice.Web.Features.Contact;

/// <summary>Where staff are with a submission.</summary>
public enum SubmissionStatus
{
    New,
    Handled,
}
