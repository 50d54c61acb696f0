namespace Interoffice.Web.Features.Consent;

public static class ConsentMethods
{
    /// <summary>How a choice was given, as people read it (cookie statement, staff pages, exports).</summary>
    public static string Label(this ConsentMethod method) => method switch
    {
        ConsentMethod.AcceptAll => "alles accepteren",
        ConsentMethod.RejectAll => "alles weigeren",
        ConsentMethod.Settings => "eigen keuze in de instellingen",
        ConsentMethod.Embed => "toestemming bij een ingesloten video",
        _ => method.ToString(),
    };

    /// <summary>How a choice was given, as a column or legend heading (the consent figures).</summary>
    public static string Heading(this ConsentMethod method) => method switch
    {
        ConsentMethod.AcceptAll => "Alles accepteren",
        ConsentMethod.RejectAll => "Alles weigeren",
        ConsentMethod.Settings => "Eigen keuze",
        ConsentMethod.Embed => "Altijd toestaan (video)",
        _ => method.ToString(),
    };
}
