using System.Linq.Expressions;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Features.Contact;

/// <summary>
/// The one way submissions are deleted (erasure, delete, retention): with their staff mails and those mails' files
/// in the pickup folder, in one transaction together with what the caller records about it (its audit entry), after
/// which the database keeps no bytes of them in its files.
/// </summary>
public sealed class SubmissionDeletion(SiteDbContext db, PickupFolder pickup)
{
    /// <summary>Deletes the submissions <paramref name="which"/> selects; returns how many.</summary>
    public Task<int> DeleteAsync(Expression<Func<ContactSubmission, bool>> which, Func<CancellationToken, Task> record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return db.DeleteInTransactionAsync(async token =>
        {
            var mails = MailsOf(db, which);
            var files = await mails.Where(m => m.PickupFile != null).Select(m => m.PickupFile!).ToListAsync(token);
            await mails.ExecuteDeleteAsync(token);
            var deleted = await db.Set<ContactSubmission>().Where(which).ExecuteDeleteAsync(token);
            await record(token);

            // Last before the commit: whatever failed above rolled everything back with the files still in place.
            pickup.Delete(files);
            return deleted;
        }, cancellationToken);
    }

    /// <summary>The staff mails about the submissions <paramref name="which"/> selects.</summary>
    public static IQueryable<OutboxMessage> MailsOf(SiteDbContext db, Expression<Func<ContactSubmission, bool>> which)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = db.Set<ContactSubmission>().Where(which).Select(s => (Guid?)s.Id);
        return db.Set<OutboxMessage>().Where(m => ids.Contains(m.CorrelationId));
    }
}
