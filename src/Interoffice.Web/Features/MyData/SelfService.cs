using Interoffice.Web.Features.Contact;
using Interoffice.Web.Features.Staff;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Features.MyData;

/// <summary>
/// What a person does on their own page, each written twice: on the person's page for staff (with the address,
/// erased with it) and in the audit log (references only, kept).
/// </summary>
public sealed class SelfService(SiteDbContext db, PersonRecords people, MyDataRecords records, AuditLog audit, SubmissionStore store)
{
    public async Task RecordAsync(PersonData person, SelfServiceAction action, string? detail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var normalized = EmailAddresses.Normalize(person.Email!);

        // Erased in another tab meanwhile (sessions go with it): nothing to add the address back for.
        if (!await db.Set<AccessSession>().AnyAsync(s => s.NormalizedEmail == normalized, cancellationToken))
        {
            return;
        }

        records.Record(normalized, action, detail);
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(action.AuditName(), person.References() + (detail is null ? "" : $" ({detail})"), SelfServiceActions.Actor, cancellationToken);
    }

    /// <summary>
    /// An objection to the processing of the submissions: a privacy request for staff, with the legal deadline. One
    /// open at a time: a second press (or a script) finds the first.
    /// </summary>
    public async Task<(ContactSubmission Request, bool New)> ObjectAsync(PersonData person, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (person.Submissions.FirstOrDefault(s => s.Kind == ContactKind.Objection && s.Status == SubmissionStatus.New) is { } open)
        {
            return (open, false);
        }

        var references = string.Join(", ", person.Submissions.Select(s => s.Reference));
        var message = $"Bezwaar via Mijn gegevens tegen de verwerking van de berichten {references}.\n\n"
            + (string.IsNullOrWhiteSpace(reason) ? "(Geen toelichting gegeven.)" : reason.Trim());
        var request = await NewRequestAsync(person, ContactKind.Objection, message, cancellationToken);
        await RecordAsync(person, SelfServiceAction.Objected, request.Reference, cancellationToken);
        return (request, true);
    }

    /// <summary>
    /// Erases everything by the staff tool's path. What must be kept by law stays, and becomes a request staff decide
    /// on (with the deadline), since the person asked for it to go: written in the erasure's transaction, with the
    /// name and phone of what was kept only (nothing erased comes back with it).
    /// </summary>
    public async Task<ErasedPage> EraseAsync(PersonData person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        ContactSubmission? request = null;
        var result = await people.EraseAsync(person, SelfServiceActions.ErasedAudit, SelfServiceActions.Actor, cancellationToken, async (kept, token) =>
        {
            if (kept.Count == 0)
            {
                return;
            }

            var held = string.Join(", ", kept.Select(s => $"{s.Reference} (bewaren voor de administratie tot {DutchTime.Format(s.KeepUntil!.Value, "d MMMM yyyy")})"));
            var latest = kept.OrderByDescending(s => s.ReceivedAt).First();
            request = await store.AddAsync(ContactKind.Erasure, latest.Name, latest.Email, latest.Phone, $"Verzoek om verwijdering via Mijn gegevens. Al het andere is gewist; bewaard bleven: {held}.", token);

            // Something of the person stays, so their page in the person tool says when they erased the rest.
            records.Record(EmailAddresses.Normalize(person.Email!), SelfServiceAction.Erased, $"bewaard: {string.Join(", ", kept.Select(s => s.Reference))}; verzoek {request.Reference}");
            await db.SaveChangesAsync(token);
        });
        return new ErasedPage(result.Kept, request);
    }

    // The person's own words for their name and address, from their latest submission where there is one.
    private Task<ContactSubmission> NewRequestAsync(PersonData person, ContactKind kind, string message, CancellationToken cancellationToken)
    {
        var latest = person.Submissions.OrderByDescending(s => s.ReceivedAt).FirstOrDefault();
        return store.AddAsync(kind, latest?.Name ?? "(via Mijn gegevens)", latest?.Email ?? person.Email!, latest?.Phone, message, cancellationToken);
    }
}
