using System.ComponentModel.DataAnnotations;

namespace Interoffice.Web.Areas.Beheer.Features.Account;

/// <summary>The password sign-in.</summary>
public sealed class SignInForm
{
    [Display(Name = "E-mailadres")]
    [Required(ErrorMessage = "Vul uw e-mailadres in.")]
    public string? Email { get; set; }

    [Display(Name = "Wachtwoord")]
    [Required(ErrorMessage = "Vul uw wachtwoord in.")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }
}
