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

/// <summary>A visitor's explicit choice, as kept in the consent cookie.</summary>
public sealed record ConsentState(
    string ConsentId,
    string PolicyVersion,
    IReadOnlySet<ConsentCategory> Granted,
    DateTimeOffset DecidedAt,
    ConsentMethod Method)
{
    public bool AcceptsAnything => Granted.Count > 0;
}
