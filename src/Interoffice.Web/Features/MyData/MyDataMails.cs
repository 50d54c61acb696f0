using System.Text.Encodings.Web;
using Interoffice.Web.Features.Shared;
using Interoffice.Web.Infrastructure.Email;
using Interoffice.Web.Infrastructure.Hosting;

namespace Interoffice.Web.Features.MyData;

/// <summary>The two mails a request on /mijn-gegevens can cause: the link, or word that nothing is held. Both go to the address asked about, and only there.</summary>
public static class MyDataMails
{
    public const string Subject = "Uw gegevens bij Interoffice";

    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    private static readonly string Signature = $"{Company.Name}\n{Company.Street}, {Company.PostalCode} {Company.City}";

    public static string OpenUrl(string baseUrl, string token) => $"{baseUrl}/mijn-gegevens/openen?code={token}";

    public static OutboxMessage Link(string to, AccessLink link, string token, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(link);
        var url = OpenUrl(baseUrl, token);
        var until = DutchTime.Format(link.ExpiresAt, "HH:mm");
        string[] lines =
        [
            "U vroeg op onze website om uw gegevens in te zien. Met deze link ziet u alles wat wij bij dit e-mailadres bewaren, en kunt u het downloaden, verbeteren of laten wissen.",
            $"De link werkt één keer, tot {until} uur, en alleen in de browser waarin u hem aanvroeg.",
        ];
        const string after = "Heeft u dit niet zelf gevraagd? Dan hoeft u niets te doen: zonder deze link ziet niemand uw gegevens.";
        return Mail(to, link, $"{lines[0]}\n\n{lines[1]}\n\n{url}\n\n{after}",
            $"<p>{Html.Encode(lines[0])}</p><p>{Html.Encode(lines[1])}</p><p><a href=\"{Html.Encode(url)}\">Mijn gegevens bekijken</a></p><p>{Html.Encode(after)}</p>",
            forgetBody: true);
    }

    public static OutboxMessage NothingHeld(string to, AccessLink link)
    {
        const string text = "U vroeg op onze website om uw gegevens in te zien. Wij bewaren bij dit e-mailadres niets: geen berichten via het contactformulier, geen aanmelding voor de nieuwsbrief en geen privacyverzoeken.";
        const string other = "Heeft u ons vanaf een ander e-mailadres geschreven? Vraag dan met dat adres opnieuw. Heeft u dit niet zelf gevraagd? Dan hoeft u niets te doen.";
        return Mail(to, link, $"{text}\n\n{other}", $"<p>{Html.Encode(text)}</p><p>{Html.Encode(other)}</p>", forgetBody: false);
    }

    private static OutboxMessage Mail(string to, AccessLink link, string text, string html, bool forgetBody) => new()
    {
        To = to,
        Subject = Subject,
        TextBody = $"{text}\n\n{Signature}",
        HtmlBody = $"<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"></head><body style=\"font-family:Arial,sans-serif;line-height:1.5;color:#222;max-width:640px\">{html}<p style=\"font-size:13px;color:#555\">{Html.Encode(Company.Name)}<br>{Html.Encode(Company.Street)}, {Html.Encode(Company.PostalCode)} {Html.Encode(Company.City)}</p></body></html>",
        CorrelationId = link.Id,
        ForgetBodyWhenDone = forgetBody,
    };
}
