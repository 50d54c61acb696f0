using System.ComponentModel.DataAnnotations;
using Interoffice.Web.Features.Contact;

namespace Interoffice.Web.Features.MyData;

/// <summary>An objection to the processing of one's submissions: why, in the person's words (optional).</summary>
public sealed class ObjectionForm
{
    [Display(Name = "Waarom maakt u bezwaar? (niet verplicht)")]
    [StringLength(ContactForm.MessageMax, ErrorMessage = "Uw toelichting mag hoogstens {1} tekens lang zijn.")]
    public string? Reason { get; set; }
}
