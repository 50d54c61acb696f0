namespace Interoffice.Web.Features.Consent;

public static class ConsentCategories
{
    public static readonly IReadOnlyList<CategoryInfo> All =
    [
        new(ConsentCategory.Functional, "functional", "Functioneel",
            "Nodig om de website te laten werken: uw cookiekeuze onthouden en formulieren veilig verzenden. Deze cookies staan altijd aan."),
        new(ConsentCategory.Analytics, "analytics", "Analytisch",
            "Meten hoe bezoekers de website gebruiken, zodat wij de inrichting kunnen verbeteren. Deze gegevens worden niet gekoppeld aan uw naam of e-mailadres."),
        new(ConsentCategory.Tracking, "tracking", "Tracking",
            "Bijhouden welke pagina's u bezoekt om een profiel van uw online gedrag op te bouwen, zodat advertenties zo veel mogelijk bij u passen."),
        new(ConsentCategory.Social, "social", "Social media",
            "Video's en andere inhoud van sociale media tonen. Deze partijen ontvangen dan uw IP-adres en kunnen cookies plaatsen."),
        new(ConsentCategory.Advertising, "advertising", "Advertenties",
            "Bijhouden welke advertenties u heeft gezien en waarop u klikt, en advertenties tonen die passen bij uw profiel."),
    ];

    /// <summary>The categories a visitor chooses about, in the order they are shown.</summary>
    public static readonly IReadOnlyList<ConsentCategory> Optional =
        [ConsentCategory.Analytics, ConsentCategory.Tracking, ConsentCategory.Social, ConsentCategory.Advertising];

    public static CategoryInfo Info(this ConsentCategory category) => All[(int)category];

    public static string Key(this ConsentCategory category) => All[(int)category].Key;

    public static bool TryParse(string? key, out ConsentCategory category)
    {
        var match = All.FirstOrDefault(c => string.Equals(c.Key, key, StringComparison.Ordinal));
        category = match?.Category ?? ConsentCategory.Functional;
        return match is not null;
    }
}
