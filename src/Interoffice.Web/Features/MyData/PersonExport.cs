using System.Text.Json;
using System.Text.Json.Serialization;
using Interoffice.Web.Features.Consent;
using Interoffice.Web.Features.Contact;
using Interoffice.Web.Features.Shared;
using Interoffice.Web.Infrastructure.Hosting;

namespace Interoffice.Web.Features.MyData;

/// <summary>
/// A person's data as one JSON file (portability), in the form docs/mijn-gegevens.md describes: the same for the
/// person and for staff. Fields are only ever added; <see cref="FormatName"/> changes when one changes meaning.
/// </summary>
public static class PersonExport
{
    public const string FormatName = "interoffice-persoonsgegevens/1";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Of(PersonData person, IReadOnlyList<ConsentRecord> browserConsents, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(browserConsents);
        var export = new
        {
            format = FormatName,
            exportedAt = DutchTime.Iso(now),
            controller = $"{Company.Name}, {Company.Street}, {Company.PostalCode} {Company.City}, KvK {Company.ChamberOfCommerce}",
            emailAddress = person.Email,
            contactSubmissions = person.Submissions.Select(s => new
            {
                reference = s.Reference,
                receivedAt = DutchTime.Iso(s.ReceivedAt),
                name = s.Name,
                email = s.Email,
                phone = s.Phone,
                subject = s.Kind.Label(),
                message = s.Message,
                status = s.Status.Label(),
                handledAt = s.HandledAt is { } handled ? DutchTime.Iso(handled) : null,
                privacyRequest = s.DueAt is { } due
                    ? new { dueAt = DutchTime.Iso(due), extendedAt = s.ExtendedAt is { } extended ? DutchTime.Iso(extended) : null, extensionReason = s.ExtensionReason }
                    : null,
                keptForAccountsUntil = s.KeepUntil is { } until ? DutchTime.Iso(until) : null,
            }),
            notificationMails = person.Mails.Select(m => new { createdAt = DutchTime.Iso(m.CreatedAt), sentAt = m.SentAt is { } sent ? DutchTime.Iso(sent) : null, to = m.To, subject = m.Subject, body = m.TextBody }),
            newsletter = NewsletterExport.Of(person.Newsletter),
            browserConsents = browserConsents.Select(c => new
            {
                consentId = c.ConsentId,
                recordedAt = DutchTime.Iso(c.RecordedAt),
                policyVersion = c.PolicyVersion,
                method = c.Method.Label(),
                analytics = c.Analytics,
                tracking = c.Tracking,
                social = c.Social,
                advertising = c.Advertising,
                globalPrivacyControl = c.GlobalPrivacyControl,
            }),
            selfService = (person.Activity ?? []).Select(a => new { at = DutchTime.Iso(a.At), action = a.Action.Label(), detail = a.Detail }),
        };
        return JsonSerializer.SerializeToUtf8Bytes(export, Json);
    }
}
