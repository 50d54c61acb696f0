namespace Interoffice.Web.Features.Consent;

/// <summary>How a choice was given; stored with the proof of it.</summary>
public enum ConsentMethod
{
    AcceptAll,
    RejectAll,
    Settings,

    /// <summary>"Altijd toestaan" on the placeholder of an embedded video.</summary>
    Embed,
}

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

/// <summary>
/// A visitor's explicit choice, as kept in the consent cookie: made against the policy snapshot
/// <see cref="PolicyVersion"/>, while version <see cref="StatementVersion"/> of the privacy statement was in force.
/// </summary>
public sealed record ConsentState(
    string ConsentId,
    string PolicyVersion,
    IReadOnlySet<ConsentCategory> Granted,
    DateTimeOffset DecidedAt,
    ConsentMethod Method,
    string? StatementVersion = null)
{
    public bool AcceptsAnything => Granted.Count > 0;
}
