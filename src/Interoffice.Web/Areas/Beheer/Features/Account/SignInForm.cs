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

    /// <summary>Optional, asked for after a refusal: the code from the app, or a recovery code, with the password.</summary>
    [Display(Name = "Code uit uw app of herstelcode (als u tweestapsverificatie gebruikt)")]
    public string? Code { get; set; }

    /// <summary>Whether the form shows <see cref="Code"/>.</summary>
    public bool AskCode { get; set; }
}
