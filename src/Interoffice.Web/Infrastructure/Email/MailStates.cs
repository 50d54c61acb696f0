namespace Interoffice.Web.Infrastructure.Email;

/// <summary>The one place a mail's state is read from the outbox's fields, and named for staff.</summary>
public static class MailStates
{
    /// <summary>Sent wins over dead: a mail sent again after it died is sent.</summary>
    public static MailState Of(DateTime? sentAt, string? pickupFile, DateTime? deadAt) =>
        sentAt is not null ? (pickupFile is null ? MailState.Sent : MailState.InFolder)
        : deadAt is not null ? MailState.Dead
        : MailState.Pending;

    /// <summary>As staff read it; a mail written to the folder is never called sent.</summary>
    public static string Label(this MailState state) => state switch
    {
        MailState.Sent => "verzonden",
        MailState.Dead => "mislukt",
        MailState.InFolder => "in map geschreven",
        _ => "wacht op verzending",
    };
}
