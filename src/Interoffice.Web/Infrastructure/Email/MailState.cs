namespace Interoffice.Web.Infrastructure.Email;

/// <summary>What became of a mail in the outbox, as staff read it (see <see cref="MailStates.Label"/>).</summary>
public enum MailState
{
    Pending,

    /// <summary>Accepted by the mail server.</summary>
    Sent,

    /// <summary>Refused for good by the mail server, or failed too often: staff can send it again.</summary>
    Dead,

    /// <summary>No mail server is set: written to the pickup folder, not mailed.</summary>
    InFolder,
}
