namespace Interoffice.Web.Features.Contact;

/// <summary>The words staff read for a <see cref="SubmissionStatus"/>.</summary>
public static class SubmissionStatuses
{
    /// <summary>The status as staff read it (lists, exports, the audit log): the one place for these words.</summary>
    public static string Label(this SubmissionStatus status) => status switch
    {
        SubmissionStatus.New => "Nieuw",
        SubmissionStatus.Handled => "Afgehandeld",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
