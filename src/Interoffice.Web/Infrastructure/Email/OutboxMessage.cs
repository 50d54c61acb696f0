namespace Interoffice.Web.Infrastructure.Email;

/// <summary>
/// A mail to send, written in the same transaction as what it is about, so that nothing accepted is ever without
/// its mail. Claimed by one instance at a time, just before it is sent; retried with backoff; dead when the mail
/// server refuses it for good or after too many attempts.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string To { get; set; }

    public string? ReplyToName { get; set; }

    public string? ReplyToAddress { get; set; }

    public required string Subject { get; set; }

    public required string TextBody { get; set; }

    public required string HtmlBody { get; set; }

    public int Attempts { get; set; }

    public DateTime NextAttemptAt { get; set; }

    /// <summary>The claim of the sender working on it, and until when that claim holds.</summary>
    public Guid? ClaimToken { get; set; }

    public DateTime? ClaimedUntil { get; set; }

    /// <summary>When it left the outbox: accepted by the mail server, or written to the pickup folder.</summary>
    public DateTime? SentAt { get; set; }

    /// <summary>The file in the pickup folder it was written to, when there is no mail server; deleted with the message.</summary>
    public string? PickupFile { get; set; }

    public DateTime? DeadAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>
    /// What the mail is about, as the feature that queued it names it (the contact form: its submission's id). The
    /// outbox only keeps it; that feature finds its mails and their <see cref="State"/> by it.
    /// </summary>
    public Guid? CorrelationId { get; set; }

    /// <summary>What became of it, as staff read it; the outbox's fields are the one record of this.</summary>
    public MailState State => MailStates.Of(SentAt, PickupFile, DeadAt);

    // The changes below are the only ones made to a message after it was queued: by the sender, and by a resend.
    internal void MarkSent(DateTime now, string? pickupFile)
    {
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

    private void Release()
    {
        ClaimToken = null;
        ClaimedUntil = null;
    }

    private static string Truncate(string reason) => reason.Length > 1000 ? reason[..1000] : reason;
}
