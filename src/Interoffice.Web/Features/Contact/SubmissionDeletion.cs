using System.Linq.Expressions;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Features.Contact;

/// <summary>
/// The one way submissions are deleted (erasure, delete, retention): with their staff mails (deleted by the outbox,
/// files and all), in one transaction together with what the caller records about it (its audit entry), after which
/// the database keeps no bytes of them in its files. A submission kept for the accounts is never among them until its date.
/// </summary>
public sealed class SubmissionDeletion(SiteDbContext db, Outbox outbox, TimeProvider time)
{
    /// <summary>Deletes the submissions <paramref name="which"/> selects; returns how many.</summary>
    public Task<int> DeleteAsync(Expression<Func<ContactSubmission, bool>> which, Func<CancellationToken, Task> record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return db.DeleteInTransactionAsync(token => DeleteInTransactionAsync(which, record, token), cancellationToken);
    }

    /// <summary>
    /// The same inside a transaction the caller holds (an erasure that deletes more than submissions): <paramref name="alongside"/>
    /// runs after the rows went and before the mail files go, so that whatever fails leaves every file in place.
    /// </summary>
    public Task<int> DeleteInTransactionAsync(Expression<Func<ContactSubmission, bool>> which, Func<CancellationToken, Task> alongside, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alongside);
        var erasable = ContactSubmission.Erasable(time.GetUtcNow().UtcDateTime);
        return outbox.DeleteAboutAsync(Ids(db, which, erasable), async t =>
        {
            var deleted = await db.Set<ContactSubmission>().Where(which).Where(erasable).ExecuteDeleteAsync(t);
            await alongside(t);
            return deleted;
        }, cancellationToken);
    }

    /// <summary>The ids of the submissions <paramref name="which"/> and <paramref name="erasable"/> select, as the outbox knows what its mails are about.</summary>
    public static IQueryable<Guid?> Ids(SiteDbContext db, Expression<Func<ContactSubmission, bool>> which, Expression<Func<ContactSubmission, bool>> erasable)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<ContactSubmission>().Where(which).Where(erasable).Select(s => (Guid?)s.Id);
    }
}
