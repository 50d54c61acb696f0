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
        if (Email is not null && EmailAddresses.Problem(Email.Trim(), Subscriber.EmailMax) is { } problem)
        {
            yield return new ValidationResult(problem, [nameof(Email)]);
        }
    }
}
