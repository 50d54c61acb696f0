using System.ComponentModel.DataAnnotations;

namespace Interoffice.Web.Features.Privacy;

/// <summary>Bound from the <c>Privacy</c> section.</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>The folder of the statement's published versions (one Markdown file each), relative to the content root.</summary>
    [Required]
    public string StatementFolder { get; set; } = "Content/privacyverklaring";
}
