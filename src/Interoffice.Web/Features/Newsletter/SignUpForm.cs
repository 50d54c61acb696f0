using System.ComponentModel.DataAnnotations;
using Interoffice.Web.Infrastructure.Data;

namespace Interoffice.Web.Features.Newsletter;

/// <summary>The sign-up form: the address only, and the honeypot and time stamp every public form carries.</summary>
public sealed class SignUpForm : IValidatableObject
{
    [Display(Name = SignUpText.Label)]
    [Required(ErrorMessage = "Vul uw e-mailadres in.")]
    [StringLength(Subscriber.EmailMax, ErrorMessage = "Uw e-mailadres mag hoogstens {1} tekens lang zijn.")]
    public string? Email { get; set; }

    /// <summary>The honeypot: people never see it, bots fill it in.</summary>
    public string? Website { get; set; }

    /// <summary>The signed moment the form was shown (<see cref="Infrastructure.Hosting.FormStamp"/>).</summary>
    public string? Start { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Email is not null && !EmailAddresses.IsMailbox(Email.Trim()))
        {
            yield return new ValidationResult("Vul een geldig e-mailadres in, bijvoorbeeld naam@bedrijf.nl.", [nameof(Email)]);
        }
        else if (Email is not null && EmailAddresses.Normalize(Email).Length > Subscriber.EmailMax)
        {
            yield return new ValidationResult($"Uw e-mailadres mag hoogstens {Subscriber.EmailMax} tekens lang zijn.", [nameof(Email)]);
        }
    }
}
