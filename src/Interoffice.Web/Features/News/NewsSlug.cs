using System.Globalization;
using System.Text;

namespace Interoffice.Web.Features.News;

/// <summary>A title as an address: "Nieuwe printer in Groningen!" becomes "nieuwe-printer-in-groningen".</summary>
public static class NewsSlug
{
    public const string Pattern = "^[a-z0-9]+(-[a-z0-9]+)*$";

    public static string From(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var slug = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var text = slug.ToString().Trim('-');
        text = text.Length > NewsItem.SlugMax - 4 ? text[..(NewsItem.SlugMax - 4)].Trim('-') : text;
        return text.Length == 0 ? "bericht" : text;
    }
}
