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
