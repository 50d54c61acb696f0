using System.Text.Encodings.Web;
using AngleSharp.Html.Parser;
using Interoffice.Web.Features.News;
using Interoffice.Web.Features.Shared;
using Interoffice.Web.Infrastructure.Email;
using Interoffice.Web.Infrastructure.Hosting;

namespace Interoffice.Web.Features.Newsletter;

/// <summary>
/// The newsletter's mails, each with a plain-text and an HTML part. Nothing in them differs per recipient but the
/// address and the unsubscribe link: no pixel, no rewritten link.
/// </summary>
public static class NewsletterMails
{
    public const string Lane = "nieuwsbrief";
    public const string ListId = "Nieuwsbrief Interoffice <nieuwsbrief.interoffice.nl>";

    /// <summary>Test mails to staff are about this, so that retention finds them.</summary>
    public static readonly Guid TestMails = new("6e0f3a55-1c57-4d3e-9a57-7a1b6e2f0c01");

    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static string ConfirmUrl(string baseUrl, string token) => $"{baseUrl}/nieuwsbrief/bevestigen?code={token}";

    public static string UnsubscribeUrl(string baseUrl, string token) => $"{baseUrl}/nieuwsbrief/afmelden?code={token}";

    public static OutboxMessage Confirmation(Subscriber subscriber, string token, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        var link = ConfirmUrl(baseUrl, token);
        var until = DutchTime.Format(subscriber.TokenExpiresAt!.Value, "d MMMM yyyy 'om' HH:mm");
        var who = subscriber.Source == SignUpSource.Staff
            ? "Een medewerker van Interoffice heeft dit e-mailadres op uw verzoek aangemeld voor onze nieuwsbrief."
            : "Dit e-mailadres is op onze website aangemeld voor de nieuwsbrief van Interoffice.";
        string[] lines =
        [
            who,
            "Wilt u de nieuwsbrief ontvangen? Bevestig dat dan met deze link (geldig tot " + until + "):",
        ];
        const string after = "Heeft u zich niet aangemeld? Dan hoeft u niets te doen: zonder bevestiging ontvangt u niets van ons en verwijderen wij het adres binnen 7 dagen.";
        return new OutboxMessage
        {
            To = subscriber.Email,
            Subject = "Bevestig uw aanmelding voor de nieuwsbrief van Interoffice",
            TextBody = $"{string.Join("\n\n", lines)}\n\n{link}\n\n{after}\n\n{Signature}",
            HtmlBody = Page(
                $"<p>{Html.Encode(lines[0])}</p><p>{Html.Encode(lines[1])}</p><p><a href=\"{Html.Encode(link)}\">Ja, ik wil de nieuwsbrief ontvangen</a></p><p>{Html.Encode(after)}</p>",
                footer: ""),
            CorrelationId = subscriber.Id,
            ForgetBodyWhenDone = true,
        };
    }

    public static OutboxMessage AlreadySubscribed(Subscriber subscriber, string unsubscribeUrl)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        const string text = "Dit e-mailadres is opnieuw aangemeld voor de nieuwsbrief van Interoffice, maar u bent al aangemeld: er verandert niets en u ontvangt de nieuwsbrief één keer.";
        return new OutboxMessage
        {
            To = subscriber.Email,
            Subject = "U bent al aangemeld voor de nieuwsbrief van Interoffice",
            TextBody = $"{text}\n\n{TextFooter(unsubscribeUrl)}",
            HtmlBody = Page($"<p>{Html.Encode(text)}</p>", HtmlFooter(unsubscribeUrl)),
            CorrelationId = subscriber.Id,
            UnsubscribeUrl = unsubscribeUrl,
        };
    }

    /// <summary>One newsletter, made once; <see cref="For"/> gives each recipient their copy.</summary>
    public static Issue Compose(string subject, string markdown, string baseUrl) =>
        new(subject, $"{subject}\n\n{markdown.Trim()}\n", Page($"<h1 style=\"font-size:22px\">{Html.Encode(subject)}</h1>{Absolute(NewsMarkdown.ToHtml(markdown), baseUrl)}", FooterSlot));

    public static OutboxMessage For(Issue issue, string to, Guid? subscriber, string unsubscribeUrl, string? lane = Lane)
    {
        ArgumentNullException.ThrowIfNull(issue);
        return new OutboxMessage
        {
            To = to,
            Subject = issue.Subject,
            TextBody = $"{issue.Text}\n{TextFooter(unsubscribeUrl)}",
            HtmlBody = issue.Html.Replace(FooterSlot, HtmlFooter(unsubscribeUrl), StringComparison.Ordinal),
            CorrelationId = subscriber ?? TestMails,
            Lane = lane,
            UnsubscribeUrl = unsubscribeUrl,
        };
    }

    /// <summary>A newsletter ready to address: subject, plain text and HTML with a slot for each recipient's footer.</summary>
    public sealed record Issue(string Subject, string Text, string Html);

    private const string FooterSlot = "<!--io-footer-->";

    private static readonly string Signature = $"{Company.Name}\n{Company.Street}, {Company.PostalCode} {Company.City}";

    private static string TextFooter(string unsubscribeUrl) =>
        $"--\nU ontvangt deze e-mail omdat u bent aangemeld voor de nieuwsbrief van {Company.ShortName}.\nAfmelden: {unsubscribeUrl}\n\n{Signature}";

    private static string HtmlFooter(string unsubscribeUrl) =>
        $"<p style=\"font-size:13px;color:#555\">U ontvangt deze e-mail omdat u bent aangemeld voor de nieuwsbrief van {Company.ShortName}. <a href=\"{Html.Encode(unsubscribeUrl)}\">Afmelden</a></p>";

    private static string Page(string content, string footer) =>
        $"<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"></head><body style=\"font-family:Arial,sans-serif;line-height:1.5;color:#222;max-width:640px\">{content}{footer}<p style=\"font-size:13px;color:#555\">{Html.Encode(Company.Name)}<br>{Html.Encode(Company.Street)}, {Html.Encode(Company.PostalCode)} {Html.Encode(Company.City)}</p></body></html>";

    // A link or image on this site needs the full address in a mail; nothing is rewritten otherwise.
    private static string Absolute(string html, string baseUrl)
    {
        var document = new HtmlParser().ParseDocument($"<body>{html}</body>");
        foreach (var (element, attribute) in document.QuerySelectorAll("a[href]").Select(e => (e, "href")).Concat(document.QuerySelectorAll("img[src]").Select(e => (e, "src"))))
        {
            var value = element.GetAttribute(attribute)!;
            if (value.StartsWith('/') && !value.StartsWith("//", StringComparison.Ordinal))
            {
                element.SetAttribute(attribute, baseUrl + value);
            }
        }

        return document.Body!.InnerHtml;
    }
}
