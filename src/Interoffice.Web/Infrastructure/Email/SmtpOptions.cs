using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace Interoffice.Web.Infrastructure.Email;

/// <summary>Bound from the <c>Smtp</c> section. Without a host, mail is written as .eml files to <see cref="PickupDirectory"/>.</summary>
public sealed class SmtpOptions : IValidatableObject
{
    public const string SectionName = "Smtp";

    public string? Host { get; set; }

    /// <summary>False: staff notifications are written to the pickup folder, not mailed.</summary>
    public bool HasServer => !string.IsNullOrWhiteSpace(Host);

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender of the site's mail.</summary>
    [Required]
    public string From { get; set; } = "";

    /// <summary>Where mail goes when no host is set, relative to the content root.</summary>
    [Required]
    public string PickupDirectory { get; set; } = "App_Data/mail";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!MailboxAddress.TryParse(From, out _))
        {
            yield return new ValidationResult($"Smtp:From '{From}' is not an e-mail address.", [nameof(From)]);
        }

        if (!string.IsNullOrEmpty(UserName) && string.IsNullOrEmpty(Password))
        {
            yield return new ValidationResult("Smtp:Password is required with Smtp:UserName.", [nameof(Password)]);
        }
    }
}
