using System.ComponentModel.DataAnnotations;

namespace Interoffice.Web.Features.Newsletter;

/// <summary>Bound from the <c>Newsletter</c> section.</summary>
public sealed class NewsletterOptions
{
    public const string SectionName = "Newsletter";

    /// <summary>At most this many newsletter mails leave in any minute (a mail server or provider's limit); staff mail is never held up by them.</summary>
    [Range(1, 100_000)]
    public int MessagesPerMinute { get; set; } = 60;

    /// <summary>A sign-up sent sooner than this after the form was shown is taken for a bot (0 switches the check off).</summary>
    [Range(0, 600)]
    public double MinimumSecondsToFill { get; set; } = 2;

    /// <summary>Sign-ups per client per window; more answer the Dutch 429 page.</summary>
    [Range(1, 100_000)]
    public int RateLimitPermits { get; set; } = 5;

    [Range(0.1, 1440)]
    public double RateLimitWindowMinutes { get; set; } = 10;

    /// <summary>Days a sent newsletter mail (with its recipient's address) stays in the outbox, for staff to see it left.</summary>
    [Range(1, 365)]
    public int SentMailDays { get; set; } = 30;
}
