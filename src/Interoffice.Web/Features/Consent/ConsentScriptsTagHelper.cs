using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Interoffice.Web.Features.Consent;

/// <summary>
/// <c>&lt;consent-scripts placement="Head" /&gt;</c>: the markup of every enabled service whose category the
/// visitor consented to, and in the head Google Consent Mode's defaults before any Google tag.
/// Nothing of a service without consent reaches the HTML.
/// </summary>
[HtmlTargetElement("consent-scripts", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ConsentScriptsTagHelper(EnabledServices services) : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public MarkupPlacement Placement { get; set; } = MarkupPlacement.Head;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = null;
        var http = ViewContext.HttpContext;
        var consent = http.Consent();
        if (WithoutThirdPartiesAttribute.Applies(http))
        {
            return;
        }

        // The consent middleware allowed exactly these inline scripts, by their hashes.
        if (Placement == MarkupPlacement.Head && services.UsesGoogleConsentMode)
        {
            output.Content.AppendHtml("<script>").AppendHtml(GoogleConsentMode.Defaults(consent.IsGranted).Script).AppendHtml("</script>\n");
        }

        foreach (var enabled in services.All)
        {
            if (enabled.Service.Placement == Placement && enabled.Markup.Length > 0 && consent.IsGranted(enabled.Service.Category))
            {
                // The id was validated against the service's pattern at start, so it is safe inside the script.
                output.Content.AppendHtml(enabled.Markup).AppendHtml("\n");
            }
        }
    }
}
