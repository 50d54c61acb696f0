namespace Interoffice.Web.Infrastructure.Email;

/// <summary>
/// A mail to send, written in the same transaction as what it is about, so that nothing accepted is ever without
/// its mail. Claimed by one instance at a time, just before it is sent; retried with backoff; dead when the mail
/// server refuses it for good or after too many attempts.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; private set; }

    /// <summary>When it was queued (<see cref="Outbox.Queue"/>).</summary>
    public DateTime CreatedAt { get; private set; }

    public required string To { get; init; }

    public string? ReplyToName { get; init; }

    public string? ReplyToAddress { get; init; }

    public required string Subject { get; init; }

    private string textBody = "";
    private string htmlBody = "";

    public required string TextBody { get => textBody; init => textBody = value; }

    public required string HtmlBody { get => htmlBody; init => htmlBody = value; }

    /// <summary>
    /// The body holds a one-time secret (a confirmation link): once the mail has left, or died, the outbox keeps only
    /// its envelope, so the database never holds a usable link longer than the mail waits.
    /// </summary>
    public bool ForgetBodyWhenDone { get; init; }

    /// <summary>What stands in the body of such a mail once it has left.</summary>
    public const string Forgotten = "(De inhoud is gewist: de e-mail bevatte een eenmalige link.)";

    public int Attempts { get; private set; }

    public DateTime NextAttemptAt { get; private set; }

    /// <summary>The claim of the sender working on it, and until when that claim holds.</summary>
    public Guid? ClaimToken { get; private set; }

    public DateTime? ClaimedUntil { get; private set; }

    /// <summary>When it left the outbox: accepted by the mail server, or written to the pickup folder.</summary>
    public DateTime? SentAt { get; private set; }

    /// <summary>The file in the pickup folder it was written to, when there is no mail server; deleted with the message.</summary>
    public string? PickupFile { get; private set; }

    public DateTime? DeadAt { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>
    /// What the mail is about, as the feature that queued it names it (the contact form: its submission's id). The
    /// outbox only keeps it; that feature finds its mails and their <see cref="State"/> by it.
    /// </summary>
    public Guid? CorrelationId { get; init; }

    /// <summary>
    /// The lane a bulk message waits in (a newsletter), as a feature registered it (<see cref="OutboxLane"/>): it goes
    /// out at that lane's rate and is marked as bulk mail. Null: sent as soon as it is due.
    /// </summary>
    public string? Lane { get; init; }

    /// <summary>The https address that unsubscribes the recipient with one POST (RFC 8058), sent as <c>List-Unsubscribe</c>.</summary>
    public string? UnsubscribeUrl { get; init; }

    /// <summary>What became of it, as staff read it; the outbox's fields are the one record of this.</summary>
    public MailState State => MailStates.Of(SentAt, PickupFile, DeadAt);

    // The changes below are the only ones made to a message: by the outbox when it queues it, by the sender, by a resend.
    internal void Enqueue(DateTime now)
    {
        CreatedAt = now;
        NextAttemptAt = now;
    }

    internal void MarkSent(DateTime now, string? pickupFile)
    {
        ForgetBodyIfAsked();
        SentAt = now;
        PickupFile = pickupFile;
        Attempts++;
        LastError = null;
        Release();
    }

    internal void MarkFailed(string reason, DateTime nextAttemptAt)
    {
        Attempts++;
        LastError = Truncate(reason);
        NextAttemptAt = nextAttemptAt;
        Release();
    }

    internal void MarkDead(string reason, DateTime now)
    {
        ForgetBodyIfAsked();
        Attempts++;
        DeadAt = now;
        LastError = Truncate(reason);
        Release();
    }

    /// <summary>Not tried this round (the server could not be reached for another message): waits, not charged an attempt.</summary>
    internal void Postpone(string reason, DateTime until)
    {
        LastError = Truncate(reason);
        NextAttemptAt = until;
        Release();
    }

    /// <summary>A dead message gets all its attempts again, from now.</summary>
    internal void Revive(DateTime now)
    {
        DeadAt = null;
        Attempts = 0;
        NextAttemptAt = now;
    }

    private void ForgetBodyIfAsked()
    {
        if (ForgetBodyWhenDone)
        {
            textBody = Forgotten;
            htmlBody = Forgotten;
        }
    }

    private void Release()
    {
        ClaimToken = null;
        ClaimedUntil = null;
    }

    private static string Truncate(string reason) => reason.Length > 1000 ? reason[..1000] : reason;
}
