using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Email;
using Interoffice.Web.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Interoffice.Web.Features.Contact;

/// <summary>Stores a submission together with the staff mail about it (queued in the outbox), in one transaction.</summary>
public sealed partial class SubmissionStore(SiteDbContext db, IOptions<ContactOptions> options, Outbox outbox, TimeProvider time, ILogger<SubmissionStore> logger)
{
    private const string ReferenceAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public Task<ContactSubmission> AddAsync(ContactForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        return AddAsync(form.ParsedKind ?? ContactKind.General, form.Name!, form.Email!, form.Phone, form.Message!, cancellationToken);
    }

    /// <summary>A request made elsewhere than the form (a visitor's own page, "Mijn gegevens"), stored and notified the same way.</summary>
    public async Task<ContactSubmission> AddAsync(ContactKind kind, string name, string email, string? phone, string message, CancellationToken cancellationToken)
    {
        var submission = ContactSubmission.Receive(NewReference(), time.GetUtcNow().UtcDateTime, kind, name, email, phone, message);
        db.Add(submission);
        outbox.Queue(Notification(submission));
        await db.SaveChangesAsync(cancellationToken);
        LogStored(logger, submission.Reference, submission.Kind);
        return submission;
    }

    /// <summary>
    /// The person corrects the name and phone number on one of their own submissions (found by id and their address);
    /// returns its reference, or null when it is not theirs.
    /// </summary>
    public async Task<string?> CorrectAsync(Guid id, string normalizedEmail, string name, string? phone, CancellationToken cancellationToken)
    {
        var submission = await db.Set<ContactSubmission>().FirstOrDefaultAsync(s => s.Id == id && s.NormalizedEmail == normalizedEmail, cancellationToken);
        if (submission is null)
        {
            return null;
        }

        submission.Correct(name, phone);
        await db.SaveChangesAsync(cancellationToken);
        return submission.Reference;
    }

    /// <summary>The mail to staff: the visitor's address to reply to, the reference in the subject, every field encoded.</summary>
    public OutboxMessage Notification(ContactSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var received = DutchTime.FromUtc(submission.ReceivedAt);
        var culture = DutchTime.Culture;
        var due = submission.DueAt is { } dueAt
            ? $"Dit is een privacyverzoek: beantwoord het uiterlijk {DutchTime.Format(dueAt)} (binnen een maand, AVG art. 12 lid 3)."
            : null;
        var fields = new (string Label, string Value)[]
        {
            ("Referentie", submission.Reference),
            ("Ontvangen", received.ToString("d MMMM yyyy HH:mm", culture)),
            ("Onderwerp", submission.Kind.Label()),
            ("Naam", submission.Name),
            ("E-mailadres", submission.Email),
            ("Telefoon", submission.Phone ?? "niet opgegeven"),
        };

        var text = new StringBuilder("Nieuw bericht via het contactformulier van de website.\n\n");
        foreach (var (label, value) in fields)
        {
            text.Append(label).Append(": ").Append(value).Append('\n');
        }

        text.Append("\nBericht:\n").Append(submission.Message).Append("\n\n");
        if (due is not null)
        {
            text.Append(due).Append('\n');
        }

        text.Append("Beantwoord deze mail om de afzender te antwoorden.\n");

        var html = new StringBuilder("<!DOCTYPE html><html lang=\"nl\"><body><p>Nieuw bericht via het contactformulier van de website.</p><table>");
        foreach (var (label, value) in fields)
        {
            html.Append("<tr><th align=\"left\">").Append(Encode(label)).Append("</th><td>").Append(Encode(value)).Append("</td></tr>");
        }

        html.Append("</table><h2>Bericht</h2><p>").Append(Encode(submission.Message).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
        if (due is not null)
        {
            html.Append("<p><strong>").Append(Encode(due)).Append("</strong></p>");
        }

        html.Append("<p>Beantwoord deze mail om de afzender te antwoorden.</p></body></html>");

        return new OutboxMessage
        {
            To = options.Value.NotifyTo,
            ReplyToName = submission.Name,
            ReplyToAddress = submission.Email,
            Subject = $"[{submission.Reference}] {submission.Kind.Label()} van {submission.Name}",
            TextBody = text.ToString(),
            HtmlBody = html.ToString(),
            CorrelationId = submission.Id,
        };
    }

    private static string Encode(string value) => HtmlEncoder.Default.Encode(value);

    private static string NewReference() =>
        "IO-" + string.Create(8, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = ReferenceAlphabet[RandomNumberGenerator.GetInt32(ReferenceAlphabet.Length)];
            }
        });

    [LoggerMessage(LogLevel.Information, "Contact submission {Reference} ({Kind}) stored with its staff notification")]
    private static partial void LogStored(ILogger logger, string reference, ContactKind kind);
}
