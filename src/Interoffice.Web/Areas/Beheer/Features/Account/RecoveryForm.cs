using System.ComponentModel.DataAnnotations;

namespace Interoffice.Web.Areas.Beheer.Features.Account;

/// <summary>A recovery code, for a lost phone.</summary>
public sealed class RecoveryForm
{
    [Display(Name = "Herstelcode")]
    [Required(ErrorMessage = "Vul een van uw herstelcodes in.")]
    public string? Code { get; set; }
}
