using System.ComponentModel.DataAnnotations;
using Interoffice.Web.Features.Contact;
using Interoffice.Web.Infrastructure.Data;

namespace Interoffice.Web.Features.MyData;

/// <summary>The request for a link: the address, and the honeypot and time stamp every public form carries.</summary>
public sealed class RequestForm : IValidatableObject
{
    [Display(Name = "Uw e-mailadres")]
    [Required(ErrorMessage = "Vul het e-mailadres in waarmee u ons schreef of zich aanmeldde.")]
    [StringLength(ContactForm.EmailMax, ErrorMessage = "Uw e-mailadres mag hoogstens {1} tekens lang zijn.")]
    public string? Email { get; set; }

    /// <summary>The honeypot: people never see it, bots fill it in.</summary>
    public string? Website { get; set; }

    /// <summary>The signed moment the form was shown (<see cref="Infrastructure.Hosting.FormStamp"/>).</summary>
    public string? Start { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Email is not null && EmailAddresses.Problem(Email.Trim(), ContactForm.EmailMax) is { } problem)
        {
            yield return new ValidationResult(problem, [nameof(Email)]);
        }
    }
}
