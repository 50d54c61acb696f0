namespace Interoffice.Web.Infrastructure.Email;

/// <summary>The one place a mail's state is read from the outbox's fields, and named for staff.</summary>
public static class MailStates
{
    // Nothing in the outbox (yet) about something is read as waiting: the one place that says so.
    private const MailState NoMail = MailState.Pending;

    /// <summary>Sent wins over dead: a mail sent again after it died is sent.</summary>
    public static MailState Of(DateTime? sentAt, string? pickupFile, DateTime? deadAt) =>
        sentAt is not null ? (pickupFile is null ? MailState.Sent : MailState.InFolder)
        : deadAt is not null ? MailState.Dead
        : MailState.Pending;

    /// <summary>The state of the latest mail about something (<see cref="OutboxQueries.Latest"/>), or of none.</summary>
    public static MailState Of(OutboxMessage? latest) => latest?.State ?? NoMail;

    /// <summary>The state of the latest mail about <paramref name="correlationId"/>, from <see cref="OutboxQueries.LatestStates"/>.</summary>
    public static MailState Of(IReadOnlyDictionary<Guid, MailState> latest, Guid correlationId)
    {
        ArgumentNullException.ThrowIfNull(latest);
        return latest.TryGetValue(correlationId, out var state) ? state : NoMail;
    }

    /// <summary>As staff read it; a mail written to the folder is never called sent.</summary>
    public static string Label(this MailState state) => state switch
    {
        MailState.Sent => "verzonden",
        MailState.Dead => "mislukt",
        MailState.InFolder => "in map geschreven",
        _ => "wacht op verzending",
    };
}
