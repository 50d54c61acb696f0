using System.ComponentModel.DataAnnotations;
using Interoffice.Web.Features.News;

namespace Interoffice.Web.Areas.Beheer.Features.News;

/// <summary>What staff write: a title, a summary for the list and the home page, and the body in Markdown.</summary>
public sealed class NewsForm
{
    [Display(Name = "Titel")]
    [Required(ErrorMessage = "Vul een titel in.")]
    [StringLength(NewsItem.TitleMax, ErrorMessage = "De titel is te lang: hoogstens {1} tekens.")]
    public string? Title { get; set; }

    [Display(Name = "Samenvatting")]
    [Required(ErrorMessage = "Vul een samenvatting in: die staat in het overzicht en op de homepage.")]
    [StringLength(NewsItem.SummaryMax, ErrorMessage = "De samenvatting is te lang: hoogstens {1} tekens.")]
    public string? Summary { get; set; }

    [Display(Name = "Tekst (Markdown)")]
    [Required(ErrorMessage = "Vul de tekst van het bericht in.")]
    [StringLength(NewsItem.BodyMax, ErrorMessage = "De tekst is te lang: hoogstens {1} tekens.")]
    public string? Body { get; set; }

    /// <summary>Which button was pressed (the form field "Actie"): opslaan, voorbeeld or publiceren.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinder(Name = "Actie")]
    public string? Action { get; set; }

    public static NewsForm Of(NewsItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new NewsForm { Title = item.Title, Summary = item.Summary, Body = item.Body };
    }
}
