namespace Interoffice.Web.Features.Consent;

/// <summary>
/// Every sentence and button of the banner, the settings and the video placeholder, as the visitor reads them. The
/// views render from here and the policy snapshot keeps the same texts, so proof of consent shows the exact wording.
/// </summary>
public sealed record ConsentTexts(
    BannerTexts Banner,
    SettingsTexts Settings,
    EmbedTexts? Embed)
{
    public static ConsentTexts For(EnabledServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var labels = string.Join(", ", services.Offered.Select(c => c.Info().Label.ToLowerInvariant()));
        return new ConsentTexts(
            new BannerTexts(
                Title: "Cookies op deze website",
                Text: "Wij gebruiken functionele cookies om deze website te laten werken. Met uw toestemming gebruiken wij ook " +
                    $"cookies en diensten van andere partijen ({labels}). U kiest zelf, en kunt uw keuze altijd wijzigen.",
                MoreLink: "Lees meer in de cookieverklaring.",
                GlobalPrivacyControl: "Uw browser vraagt via Global Privacy Control om niet gevolgd te worden. Tracking- en advertentiecookies staan daarom uit, tenzij u zelf anders kiest.",
                AcceptAll: "Alles accepteren",
                RejectAll: "Alles weigeren",
                OpenSettings: "Instellingen"),
            new SettingsTexts(
                Title: "Cookie-instellingen",
                Intro: "Kies per soort cookies of u toestemming geeft. Niets staat vooraf aan.",
                AlwaysOn: "altijd aan",
                RefusedBySignal: "Uit op verzoek van uw browser (Global Privacy Control). Vinkt u dit aan, dan geldt uw eigen keuze.",
                ServicesPerCategory: services.Offered.ToDictionary(
                    c => c.Key(),
                    c => $"Diensten: {string.Join(", ", services.All.Where(s => s.Service.Category == c).Select(s => $"{s.Service.Name} ({s.Service.Provider})"))}."),
                Save: "Keuze opslaan",
                RejectAll: "Alles weigeren",
                AcceptAll: "Alles accepteren",
                Close: "Sluiten zonder te kiezen"),
            services.IsEnabled(ServiceRegistry.YouTube)
                ? new EmbedTexts(
                    Text: "Deze video staat op YouTube. Als u hem laadt, ontvangt YouTube (Google) uw IP-adres en kan het cookies plaatsen.",
                    LoadOnce: "Video laden",
                    AllowAlways: "Altijd toestaan",
                    Note: "Met ‘Altijd toestaan’ geeft u toestemming voor social media. U kunt dit altijd wijzigen.",
                    SettingsLink: "Naar de cookie-instellingen")
                : null);
    }
}
