using System.ComponentModel.DataAnnotations;

namespace Interoffice.Web.Infrastructure.Email;

/// <summary>Bound from the <c>Mail</c> section: how the outbox is worked through.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Mail";

    /// <summary>How often due mail is looked for, besides right after a new message.</summary>
    [Range(0.05, 3600)]
    public double PollIntervalSeconds { get; set; } = 10;

    /// <summary>The first retry waits this long; each next one twice as long (capped at six hours).</summary>
    [Range(0.01, 86400)]
    public double RetryDelaySeconds { get; set; } = 30;

    /// <summary>After this many failed attempts a message is dead: staff see it and can send it again.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;

    [Range(1, 500)]
    public int BatchSize { get; set; } = 50;

    /// <summary>
    /// How long the claim on one message lasts, so another instance takes over if this one dies while sending it.
    /// Each message is claimed just before it is sent, so this must outlast sending one message (the SMTP client
    /// gives up on a silent server after 30 seconds a step), not a whole batch.
    /// </summary>
    [Range(1, 3600)]
    public int ClaimSeconds { get; set; } = 300;
}
