using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace Interoffice.Web.Features.Contact;

/// <summary>The contact form as posted. Every message a visitor can get is Dutch and says how to put it right.</summary>
public sealed class ContactForm : IValidatableObject
{
    public const int NameMax = 100;
    public const int EmailMax = 254;
    public const int PhoneMax = 32;
    public const int MessageMax = 5000;

    [Display(Name = "Naam")]
    [Required(ErrorMessage = "Vul uw naam in.")]
    [StringLength(NameMax, ErrorMessage = "Uw naam mag hoogstens {1} tekens lang zijn.")]
    public string? Name { get; set; }

    [Display(Name = "E-mailadres")]
    [Required(ErrorMessage = "Vul uw e-mailadres in, zodat wij u kunnen antwoorden.")]
    [StringLength(EmailMax, ErrorMessage = "Uw e-mailadres mag hoogstens {1} tekens lang zijn.")]
    public string? Email { get; set; }

    [Display(Name = "Telefoonnummer (niet verplicht)")]
    [StringLength(PhoneMax, ErrorMessage = "Een telefoonnummer is hoogstens {1} tekens lang.")]
    public string? Phone { get; set; }

    [Display(Name = "Waar gaat uw bericht over?")]
    [Required(ErrorMessage = "Kies waar uw bericht over gaat.")]
    public string? Kind { get; set; } = nameof(ContactKind.General);

    /// <summary>The subject as the enum; bound as text so that an unknown value is a message, not a silent default.</summary>
    public ContactKind? ParsedKind =>
        Kind is { Length: > 0 } && char.IsAsciiLetter(Kind[0]) && Enum.TryParse<ContactKind>(Kind, ignoreCase: false, out var kind) && Enum.IsDefined(kind)
            ? kind
            : null;

    [Display(Name = "Bericht")]
    [Required(ErrorMessage = "Schrijf uw bericht.")]
    [StringLength(MessageMax, ErrorMessage = "Uw bericht mag hoogstens {1} tekens lang zijn; het is nu te lang.")]
    public string? Message { get; set; }

    /// <summary>The honeypot: invisible to people, filled in by bots.</summary>
    public string? Website { get; set; }

    /// <summary>When the form was shown, signed by the server.</summary>
    public string? Start { get; set; }

    /// <summary>Surrounding white space never counts; the text itself is kept as written.</summary>
    public void Trim()
    {
        Name = Name?.Trim();
        Email = Email?.Trim();
        Phone = string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim();
        Message = Message?.Trim();
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Kind is not null && ParsedKind is null)
        {
            yield return new ValidationResult("Kies een van de onderwerpen uit de lijst.", [nameof(Kind)]);
        }

        if (Name is not null && Name.Any(char.IsControl))
        {
            yield return new ValidationResult("Uw naam bevat tekens die niet zijn toegestaan, zoals een regeleinde of tab.", [nameof(Name)]);
        }

        if (Email is not null && (Email.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)) || !Infrastructure.Data.EmailAddresses.IsMailbox(Email)))
        {
            yield return new ValidationResult("Vul een geldig e-mailadres in, bijvoorbeeld naam@bedrijf.nl.", [nameof(Email)]);
        }
        else if (Email is { Length: <= EmailMax } && Infrastructure.Data.EmailAddresses.Normalize(Email).Length > EmailMax)
        {
            // Composing a few rare characters makes an address longer; the form it is compared in must fit too.
            yield return new ValidationResult($"Uw e-mailadres mag hoogstens {EmailMax} tekens lang zijn.", [nameof(Email)]);
        }

        if (Phone is not null && PhoneNumber.Normalize(Phone) is null)
        {
            yield return new ValidationResult("Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678 of +31 6 12345678, of laat het veld leeg.", [nameof(Phone)]);
        }

        if (Message is not null && Message.Any(c => char.IsControl(c) && c is not '\r' and not '\n'))
        {
            yield return new ValidationResult("Uw bericht bevat tekens die niet zijn toegestaan, zoals tabs of onzichtbare besturingstekens. Alleen regeleinden mogen.", [nameof(Message)]);
        }
    }
}
