using System.ComponentModel.DataAnnotations;
using Interoffice.Web.Features.Newsletter;

namespace Interoffice.Web.Areas.Beheer.Features.Newsletter;

/// <summary>A newsletter as staff write it. <see cref="Id"/> is made when they begin, so sending the form twice sends it once.</summary>
public sealed class NewsletterForm : IValidatableObject
{
    public Guid Id { get; set; }

    [Display(Name = "Onderwerp")]
    [Required(ErrorMessage = "Vul een onderwerp in.")]
    [StringLength(NewsletterIssue.SubjectMax, ErrorMessage = "Het onderwerp is te lang: hoogstens {1} tekens.")]
    public string? Subject { get; set; }

    [Display(Name = "Tekst (Markdown)")]
    [Required(ErrorMessage = "Vul de tekst van de nieuwsbrief in.")]
    [StringLength(NewsletterIssue.BodyMax, ErrorMessage = "De tekst is te lang: hoogstens {1} tekens.")]
    public string? Body { get; set; }

    public Guid? NewsItemId { get; set; }

    public string? StatementVersion { get; set; }

    /// <summary>Which button was pressed (the form field "Actie"): voorbeeld, proef or versturen.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinder(Name = "Actie")]
    public string? Action { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // A subject is one line of a mail header.
        if (Subject is not null && Subject.Any(char.IsControl))
        {
            yield return new ValidationResult("Het onderwerp bevat tekens die niet zijn toegestaan, zoals tabs of regeleinden.", [nameof(Subject)]);
        }
    }

    public NewsletterDraft Draft() => new(Id, Subject!.Trim(), Body!, NewsItemId, StatementVersion);

    public static NewsletterForm Of(NewsletterDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new NewsletterForm { Id = draft.Id, Subject = draft.Subject, Body = draft.Body, NewsItemId = draft.NewsItemId, StatementVersion = draft.StatementVersion };
    }
}
