using System.ComponentModel.DataAnnotations;

namespace Interoffice.Web.Areas.Beheer.Features.Account;

/// <summary>A code from the authenticator app: the second step of signing in, or switching two-step sign-in on.</summary>
public sealed class CodeForm
{
    [Display(Name = "Code uit uw authenticator-app")]
    [Required(ErrorMessage = "Vul de code van zes cijfers in.")]
    public string? Code { get; set; }
}
