using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Features.Newsletter;

/// <summary>The newsletter's part in a request about one person: what it holds about an address, and erasing it.</summary>
public sealed class SubscriberRecords(SiteDbContext db, Outbox outbox, NewsletterKeys keys)
{
    public async Task<SubscriberRecord> FindAsync(string address, CancellationToken cancellationToken)
    {
        var normalized = EmailAddresses.Normalize(address);
        var subscriber = await db.Set<Subscriber>().AsNoTracking().FirstOrDefaultAsync(s => s.NormalizedEmail == normalized, cancellationToken);
        var wording = subscriber is null ? null : await db.Set<SignUpWording>().AsNoTracking().FirstOrDefaultAsync(w => w.Sha256 == subscriber.WordingSha256, cancellationToken);
        var mails = subscriber is null
            ? []
            : await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.CorrelationId == subscriber.Id).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        var hash = await keys.AddressHashAsync(normalized, cancellationToken);
        var unsubscribed = await db.Set<UnsubscribedAddress>().AnyAsync(u => u.AddressHash == hash, cancellationToken);
        return new SubscriberRecord(subscriber, wording, mails, unsubscribed);
    }

    /// <summary>
    /// Erases the address from the newsletter inside the caller's transaction: the subscription with its proof, its
    /// mails (waiting or sent, files too) and the keyed hash of an unsubscription. <paramref name="alongside"/> runs
    /// before the mail files go, so that whatever fails leaves them in place. Returns how many rows went.
    /// </summary>
    public async Task<int> EraseAsync(string address, Func<CancellationToken, Task> alongside, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alongside);
        var normalized = EmailAddresses.Normalize(address);
        var hash = await keys.AddressHashAsync(normalized, cancellationToken);
        var which = db.Set<Subscriber>().Where(s => s.NormalizedEmail == normalized);
        return await outbox.DeleteAboutAsync(which.Select(s => (Guid?)s.Id), async token =>
        {
            var deleted = await which.ExecuteDeleteAsync(token) + await db.Set<UnsubscribedAddress>().Where(u => u.AddressHash == hash).ExecuteDeleteAsync(token);
            await alongside(token);
            return deleted;
        }, cancellationToken);
    }
}
