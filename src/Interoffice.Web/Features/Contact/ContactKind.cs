namespace Interoffice.Web.Features.Contact;

/// <summary>What a visitor asks: a general question, or one of the requests the privacy statement grants.</summary>
public enum ContactKind
{
    General,
    Access,
    Rectification,
    Erasure,
    Objection,
    Portability,
    WithdrawConsent,
}
