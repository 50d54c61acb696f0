using Interoffice.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Infrastructure.Email;

/// <summary>What a feature may ask of the outbox once a mail is queued: the outbox alone changes a message's state.</summary>
public sealed class Outbox(SiteDbContext db, OutboxSignal signal, TimeProvider time)
{
    /// <summary>
    /// Sends a dead message again, with all its attempts, and wakes the sender. False when it is not dead (still
    /// waiting, sent, or gone): nothing changes then.
    /// </summary>
    public async Task<bool> ResendAsync(long id, CancellationToken cancellationToken)
    {
        var message = await db.Set<OutboxMessage>().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message?.DeadAt is null)
        {
            return false;
        }

        message.Revive(time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return true;
    }
}
