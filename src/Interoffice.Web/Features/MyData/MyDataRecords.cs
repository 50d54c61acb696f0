using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Features.MyData;

/// <summary>What "Mijn gegevens" itself keeps about an address (its links and their mails, sessions, what the person did): read and erased here.</summary>
public sealed class MyDataRecords(SiteDbContext db, Outbox outbox, TimeProvider time)
{
    public Task<List<SelfServiceActivity>> ActivityAsync(string normalized, CancellationToken cancellationToken) =>
        db.Set<SelfServiceActivity>().AsNoTracking().Where(a => a.NormalizedEmail == normalized).OrderByDescending(a => a.At).ThenByDescending(a => a.Id).ToListAsync(cancellationToken);

    /// <summary>Adds one thing the person did to the caller's unit of work.</summary>
    public void Record(string normalized, SelfServiceAction action, string? detail) =>
        db.Add(new SelfServiceActivity { NormalizedEmail = normalized, At = time.GetUtcNow().UtcDateTime, Action = action, Detail = detail is { Length: > 400 } ? detail[..400] : detail });

    /// <summary>
    /// Erases the address's links with their mails (files too), its sessions and its activity, inside the caller's
    /// transaction; <paramref name="alongside"/> runs before the mail files go.
    /// </summary>
    public Task<int> EraseAsync(string normalized, Func<CancellationToken, Task> alongside, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alongside);
        var links = db.Set<AccessLink>().Where(l => l.NormalizedEmail == normalized);
        return outbox.DeleteAboutAsync(links.Select(l => (Guid?)l.Id), async token =>
        {
            var deleted = await links.ExecuteDeleteAsync(token)
                + await db.Set<AccessSession>().Where(s => s.NormalizedEmail == normalized).ExecuteDeleteAsync(token)
                + await db.Set<SelfServiceActivity>().Where(a => a.NormalizedEmail == normalized).ExecuteDeleteAsync(token);
            await alongside(token);
            return deleted;
        }, cancellationToken);
    }
}
