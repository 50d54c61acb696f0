using Interoffice.Web.Features.Contact;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Features.MyData;

/// <summary>What the person tool reads, built apart from running it so a test can have SQL Server translate it.</summary>
public static class PersonQueries
{
    /// <summary>Every submission sent from the address, whatever its case or composition as typed.</summary>
    public static IQueryable<ContactSubmission> Submissions(SiteDbContext db, string address)
    {
        ArgumentNullException.ThrowIfNull(db);
        var normalized = EmailAddresses.Normalize(address);
        return db.Set<ContactSubmission>().AsNoTracking().Where(s => s.NormalizedEmail == normalized).OrderBy(s => s.ReceivedAt).ThenBy(s => s.Id);
    }

    /// <summary>The staff mails about those submissions (every mail that names a visitor belongs to their submission).</summary>
    public static IQueryable<OutboxMessage> Mails(SiteDbContext db, IReadOnlyCollection<Guid> submissionIds)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = submissionIds.Select(id => (Guid?)id).ToList();
        return db.Set<OutboxMessage>().AsNoTracking().Where(m => ids.Contains(m.CorrelationId)).OrderBy(m => m.Id);
    }
}
