using System.ComponentModel.DataAnnotations;
using Interoffice.Web.Features.Contact;

namespace Interoffice.Web.Features.MyData;

/// <summary>A correction of the name and phone number on one submission; the address is not among them.</summary>
public sealed class CorrectionForm : IValidatableObject
{
    public Guid Id { get; set; }

    [Display(Name = "Naam")]
    [Required(ErrorMessage = "Vul uw naam in.")]
    [StringLength(ContactForm.NameMax, ErrorMessage = "Uw naam mag hoogstens {1} tekens lang zijn.")]
    public string? Name { get; set; }

    [Display(Name = "Telefoonnummer (niet verplicht)")]
    [StringLength(ContactForm.PhoneMax, ErrorMessage = "Een telefoonnummer is hoogstens {1} tekens lang.")]
    public string? Phone { get; set; }

    public void Trim()
    {
        Name = Name?.Trim();
        Phone = string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim();
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Name is not null && Name.Any(char.IsControl))
        {
            yield return new ValidationResult("Uw naam bevat tekens die niet zijn toegestaan, zoals een regeleinde of tab.", [nameof(Name)]);
        }

        if (Phone is not null && PhoneNumber.Normalize(Phone) is null)
        {
            yield return new ValidationResult("Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678 of +31 6 12345678, of laat het veld leeg.", [nameof(Phone)]);
        }
    }
}
