using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Interoffice.Web.Features.Shared;

/// <summary>What the layout needs of every page: its title and its description for search engines.</summary>
public static class PageMetadata
{
    private const string TitleKey = "Title";
    private const string DescriptionKey = "Description";

    public static void SetPage(this ViewDataDictionary viewData, string title, string description)
    {
        ArgumentNullException.ThrowIfNull(viewData);
        viewData[TitleKey] = title;
        viewData[DescriptionKey] = description;
    }

    /// <summary>
    /// The page's title; a form that came back from the server with errors says so first ("Fout: …"), as the title is
    /// what a screen reader reads on arrival.
    /// </summary>
    public static string PageTitle(this ViewDataDictionary viewData) =>
        viewData?[TitleKey] is string { Length: > 0 } title
            ? $"{(viewData.ModelState.ErrorCount > 0 ? "Fout: " : "")}{title} | {Company.ShortName} Document Solutions"
            : "Interoffice Document Solutions | Printers, documentmanagement en managed print in Winschoten";

    public static string PageDescription(this ViewDataDictionary viewData) =>
        viewData?[DescriptionKey] as string
            ?? "Interoffice Document Solutions in Winschoten: printers en multifunctionals, documentmanagement en managed print services.";
}
