using System.Text;
using System.Text.Encodings.Web;
using Interoffice.Web.Features.Shared;
using Interoffice.Web.Infrastructure.Email;
using Interoffice.Web.Infrastructure.Hosting;

namespace Interoffice.Web.Features.Contact;

/// <summary>The mails about privacy requests' deadlines: the person is told of an extension and why; staff are reminded of what falls due.</summary>
public static class PrivacyRequestMails
{
    /// <summary>What the daily reminders are about, so that the next day's run finds today's.</summary>
    public static readonly Guid Reminders = new("3b0d8f6e-2a51-4c8e-9d07-5f1c2e7a9b13");

    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    /// <summary>GDPR art. 12(3): the person hears of an extension within the first month, with the reasons.</summary>
    public static OutboxMessage Extended(ContactSubmission request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var due = DutchTime.Format(request.DueAt!.Value, "d MMMM yyyy");
        var text = $"Wij hebben meer tijd nodig voor uw verzoek {request.Reference} ({request.Kind.Label().ToLowerInvariant()}). Wij beantwoorden het uiterlijk {due}.";
        var reason = $"De reden: {request.ExtensionReason}";
        return new OutboxMessage
        {
            To = request.Email,
            Subject = $"[{request.Reference}] Meer tijd nodig voor uw verzoek",
            TextBody = $"Beste {request.Name},\n\n{text}\n\n{reason}\n\n{Company.Name}\n{Company.Phone} · {Company.Email}",
            HtmlBody = $"<!DOCTYPE html><html lang=\"nl\"><body><p>Beste {Html.Encode(request.Name)},</p><p>{Html.Encode(text)}</p><p>{Html.Encode(reason)}</p><p>{Html.Encode(Company.Name)}<br>{Html.Encode(Company.Phone)} · {Html.Encode(Company.Email)}</p></body></html>",
            CorrelationId = request.Id,
        };
    }

    /// <summary>The daily list for staff: references, subjects and deadlines only, and where to find each.</summary>
    public static OutboxMessage Reminder(string to, IReadOnlyList<ContactSubmission> due, DateTime now, string? baseUrl)
    {
        ArgumentNullException.ThrowIfNull(due);
        var text = new StringBuilder($"Privacyverzoeken die binnen 7 dagen moeten zijn beantwoord ({due.Count}):\n\n");
        var html = new StringBuilder($"<!DOCTYPE html><html lang=\"nl\"><body><p>Privacyverzoeken die binnen 7 dagen moeten zijn beantwoord ({due.Count}):</p><ul>");
        foreach (var r in due)
        {
            var line = $"{r.Reference}: {r.Kind.Label()}, {(r.DueAt < now ? "te laat, was uiterlijk" : "uiterlijk")} {DutchTime.Format(r.DueAt!.Value, "d MMMM yyyy")}{(r.ExtendedAt is null ? "" : " (verlengd)")}";
            var link = baseUrl is null ? null : $"{baseUrl}/beheer/berichten/{r.Id}";
            text.Append("- ").Append(line).Append(link is null ? "" : $"\n  {link}").Append('\n');
            html.Append("<li>").Append(link is null ? Html.Encode(line) : $"<a href=\"{Html.Encode(link)}\">{Html.Encode(line)}</a>").Append("</li>");
        }

        text.Append("\nEen verzoek kan één keer met twee maanden worden verlengd, met een reden; de website mailt die aan de persoon.\n");
        html.Append("</ul><p>Een verzoek kan één keer met twee maanden worden verlengd, met een reden; de website mailt die aan de persoon.</p></body></html>");
        return new OutboxMessage
        {
            To = to,
            Subject = $"Privacyverzoeken: {due.Count} binnen 7 dagen te beantwoorden",
            TextBody = text.ToString(),
            HtmlBody = html.ToString(),
            CorrelationId = Reminders,
        };
    }
}
