namespace Interoffice.Web.Features.Contact;

/// <summary>The subjects as visitors and staff read them.</summary>
public static class ContactKinds
{
    public static string Label(this ContactKind kind) => kind switch
    {
        ContactKind.General => "Algemene vraag",
        ContactKind.Access => "Verzoek om inzage in mijn gegevens",
        ContactKind.Rectification => "Verzoek om correctie van mijn gegevens",
        ContactKind.Erasure => "Verzoek om verwijdering van mijn gegevens",
        ContactKind.Objection => "Bezwaar tegen verwerking van mijn gegevens",
        ContactKind.Portability => "Verzoek om overdracht van mijn gegevens",
        ContactKind.WithdrawConsent => "Intrekken van mijn toestemming",
        _ => kind.ToString(),
    };

    public static bool IsPrivacyRequest(this ContactKind kind) => kind != ContactKind.General;
}
