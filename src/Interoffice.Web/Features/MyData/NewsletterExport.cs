using Interoffice.Web.Features.Newsletter;
using Interoffice.Web.Infrastructure.Hosting;

namespace Interoffice.Web.Features.MyData;

/// <summary>The newsletter's part of a person's export: the subscription with its proof and the mails sent to it.</summary>
internal static class NewsletterExport
{
    public static object? Of(SubscriberRecord? record)
    {
        if (record is null || !record.HoldsAnything)
        {
            return null;
        }

        if (record.Subscriber is not { } s)
        {
            return new { unsubscribed = true, kept = "alleen een vingerafdruk (HMAC-SHA256) van het adres, zodat het niet opnieuw wordt aangemeld door een medewerker" };
        }

        return new
        {
            email = s.Email,
            signedUpAt = DutchTime.Iso(s.SignedUpAt),
            confirmedAt = s.ConfirmedAt is { } confirmed ? DutchTime.Iso(confirmed) : null,
            source = s.Source == SignUpSource.Staff ? $"medewerker ({s.AddedBy})" : "formulier op de website",
            wordingSha256 = s.WordingSha256,
            wording = record.Wording?.Text,
            mails = record.Mails.Select(m => new { createdAt = DutchTime.Iso(m.CreatedAt), sentAt = m.SentAt is { } sent ? DutchTime.Iso(sent) : null, to = m.To, subject = m.Subject }),
        };
    }
}
