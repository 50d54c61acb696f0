namespace Interoffice.Web.Tests.Support;

/// <summary>The pages a visitor can reach from the menu and the footer, with a word each page must show.</summary>
public static class PublicPages
{
    public static TheoryData<string, string> All => new()
    {
        { "/", "Documenten en printen" },
        { "/diensten", "Onze diensten" },
        { "/over-ons", "Over Interoffice" },
        { "/nieuws", "Nieuws" },
        { "/contact", "Contact" },
        { "/privacyverklaring", "Privacyverklaring" },
        { "/cookies", "Cookieverklaring" },
        { "/mijn-gegevens", "Mijn gegevens" },
    };

    public static IEnumerable<string> Paths => All.Select(row => (string)row[0]);
}
