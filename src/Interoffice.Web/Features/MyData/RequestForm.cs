using System.ComponentModel.DataAnnotations;
using Interoffice.Web.Features.Contact;
using Interoffice.Web.Infrastructure.Data;

namespace Interoffice.Web.Features.MyData;

/// <summary>The request for a link: the address, and the honeypot and time stamp every public form carries.</summary>
public sealed class RequestForm : IValidatableObject
{
    [Display(Name = "Uw e-mailadres")]
    [Required(ErrorMessage = "Vul het e-mailadres in waarmee u ons schreef of zich aanmeldde.")]
    [StringLength(ContactForm.EmailMax, ErrorMessage = "Een e-mailadres is hoogstens {1} tekens lang.")]
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
        else if (Email is not null && EmailAddresses.Normalize(Email).Length > ContactForm.EmailMax)
        {
            yield return new ValidationResult($"Een e-mailadres is hoogstens {ContactForm.EmailMax} tekens lang.", [nameof(Email)]);
        }
    }
}
