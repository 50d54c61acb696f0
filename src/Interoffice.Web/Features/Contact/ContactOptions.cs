using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace Interoffice.Web.Features.Contact;

/// <summary>Bound from the <c>Contact</c> section.</summary>
public sealed class ContactOptions : IValidatableObject
{
    public const string SectionName = "Contact";

    /// <summary>The staff address that receives each submission (the outbox's To column holds 320 characters).</summary>
    [Required]
    [StringLength(320)]
    public string NotifyTo { get; set; } = "";

    /// <summary>A form sent sooner than this after it was shown is taken for a bot (0 switches the check off).</summary>
    [Range(0, 600)]
    public double MinimumSecondsToFill { get; set; } = 3;

    /// <summary>Posts allowed per client address within <see cref="RateLimitWindowMinutes"/>.</summary>
    [Range(1, 100_000)]
    public int RateLimitPermits { get; set; } = 5;

    [Range(0.01, 1440)]
    public double RateLimitWindowMinutes { get; set; } = 10;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!MailboxAddress.TryParse(NotifyTo, out _))
        {
            yield return new ValidationResult($"Contact:NotifyTo '{NotifyTo}' is not an e-mail address.", [nameof(NotifyTo)]);
        }
    }
}
