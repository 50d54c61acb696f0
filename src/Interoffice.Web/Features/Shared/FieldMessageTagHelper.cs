using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Interoffice.Web.Features.Shared;

/// <summary>The message element of a field (<c>asp-validation-for</c>) gets the id its field refers to.</summary>
[HtmlTargetElement("span", Attributes = For)]
public sealed class FieldMessageTagHelper : TagHelper
{
    private const string For = "asp-validation-for";

    [HtmlAttributeName(For)]
    public ModelExpression Field { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public static string IdOf(string fieldName) => $"{TagBuilder.CreateSanitizedId(fieldName, "_")}-fout";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Attributes.SetAttribute("id", IdOf(ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(Field.Name)));
    }
}
