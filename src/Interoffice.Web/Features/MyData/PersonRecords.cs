using Interoffice.Web.Features.Contact;
using Interoffice.Web.Features.Newsletter;
using Interoffice.Web.Features.Staff;
using Interoffice.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Features.MyData;

/// <summary>
/// The one way a person's data is looked up and erased, for the staff person tool and for the person on "Mijn gegevens"
/// alike: each feature erases its own part, in one transaction with the audit entry, the mail files last.
/// </summary>
public sealed class PersonRecords(SiteDbContext db, AuditLog audit, SubmissionDeletion deletion, SubscriberRecords newsletter, MyDataRecords myData, TimeProvider time)
{
    public async Task<PersonData> FindAsync(string? email, CancellationToken cancellationToken)
    {
        var address = email?.Trim();
        if (string.IsNullOrEmpty(address))
        {
            return PersonData.None;
        }

        var submissions = await PersonQueries.Submissions(db, address).ToListAsync(cancellationToken);
        var mails = await PersonQueries.Mails(db, [.. submissions.Select(s => s.Id)]).ToListAsync(cancellationToken);
        var activity = await myData.ActivityAsync(EmailAddresses.Normalize(address), cancellationToken);
        return new PersonData(address, submissions, mails, await newsletter.FindAsync(address, cancellationToken), activity);
    }

    /// <summary>
    /// Erases everything stored about the address but what must be kept by law, writing <paramref name="auditAction"/>
    /// (by <paramref name="actor"/>, or the signed-in staff member) with references only. <paramref name="after"/>
    /// writes what follows from it in the same transaction, once the rest is gone, with what was kept.
    /// </summary>
    public async Task<ErasureResult> EraseAsync(PersonData person, string auditAction, string? actor, CancellationToken cancellationToken, Func<IReadOnlyList<ContactSubmission>, CancellationToken, Task>? after = null)
    {
        ArgumentNullException.ThrowIfNull(person);
        var address = person.Email ?? throw new ArgumentException("An erasure names an address.", nameof(person));
        var normalized = EmailAddresses.Normalize(address);
        var kept = person.Held(time.GetUtcNow().UtcDateTime);
        var target = person.References() + (kept.Count == 0 ? "" : $"; bewaard voor de administratie: {string.Join(", ", kept.Select(s => s.Reference))}");
        var erased = await db.DeleteInTransactionAsync(
            token => deletion.DeleteInTransactionAsync(
                s => s.NormalizedEmail == normalized,
                t => newsletter.EraseAsync(address, t2 => myData.EraseAsync(normalized, async t3 =>
                {
                    await audit.WriteAsync(auditAction, target, actor, t3);
                    if (after is not null)
                    {
                        await after(kept, t3);
                    }
                }, t2), t),
                token),
            cancellationToken);
        return new ErasureResult(erased, person.Newsletter?.HoldsAnything == true, kept);
    }
}
