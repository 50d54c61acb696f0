using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Interoffice.Web.Features.Shared;

/// <summary>
/// A form field written with <c>asp-for</c> is described by its message element (<c>{id}-fout</c>, always there, empty
/// while the field is valid, so a script can fill it too) and says <c>aria-invalid="true"</c> when the server refused
/// what was typed. A description the view gives (a hint) comes first.
/// </summary>
[HtmlTargetElement("input", Attributes = For)]
[HtmlTargetElement("select", Attributes = For)]
[HtmlTargetElement("textarea", Attributes = For)]
public sealed class FieldErrorTagHelper : TagHelper
{
    private const string For = "asp-for";

    [HtmlAttributeName(For)]
    public ModelExpression Field { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(Field.Name);
        var message = FieldMessageTagHelper.IdOf(name);
        var hint = output.Attributes.TryGetAttribute("aria-describedby", out var given) ? given.Value?.ToString() : null;
        output.Attributes.SetAttribute("aria-describedby", string.IsNullOrEmpty(hint) ? message : $"{hint} {message}");
        if (ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0)
        {
            output.Attributes.SetAttribute("aria-invalid", "true");
        }
    }
}
