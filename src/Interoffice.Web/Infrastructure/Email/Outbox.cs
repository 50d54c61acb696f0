using Interoffice.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Infrastructure.Email;

/// <summary>What a feature may ask of the outbox: queue a mail, send a dead one again, delete mails. The outbox alone changes a message's state.</summary>
public sealed class Outbox(SiteDbContext db, OutboxSignal signal, PickupFolder pickup, TimeProvider time)
{
    private bool wakeOnSave;

    /// <summary>
    /// Adds the mail to the caller's unit of work, so that it is stored in one transaction with what it is about; the
    /// sender is woken once that is saved.
    /// </summary>
    public void Queue(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Enqueue(time.GetUtcNow().UtcDateTime);
        db.Add(message);
        if (!wakeOnSave)
        {
            wakeOnSave = true;
            db.SavedChanges += WakeSender;
        }
    }

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

    /// <summary>Sends every dead message of <paramref name="lane"/> again (a newsletter whose mails the server refused for a while); returns how many.</summary>
    public async Task<int> ResendLaneAsync(string lane, CancellationToken cancellationToken)
    {
        var dead = await db.Set<OutboxMessage>().Where(m => m.Lane == lane && m.SentAt == null && m.DeadAt != null).ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        dead.ForEach(m => m.Revive(now));
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return dead.Count;
    }

    /// <summary>
    /// Deletes the mails about <paramref name="correlationIds"/> in the caller's transaction, together with what
    /// <paramref name="alongside"/> deletes and records; their files in the pickup folder go last, just before the
    /// caller commits, so that whatever fails before leaves every file in place with its rolled-back row. A file system
    /// is in no transaction: should the commit itself fail, a file is gone while its row stays (better than a person's
    /// mail left on disk).
    /// </summary>
    public async Task<T> DeleteAboutAsync<T>(IQueryable<Guid?> correlationIds, Func<CancellationToken, Task<T>> alongside, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alongside);
        var (_, result) = await DeleteWithFilesAsync(OutboxQueries.About(db, correlationIds), alongside, cancellationToken);
        return result;
    }

    /// <summary>
    /// Deletes, in the caller's transaction, the mails about <paramref name="correlationIds"/> that left (or died)
    /// before <paramref name="cutoff"/>, files and all; mail still waiting stays. Returns how many.
    /// </summary>
    public async Task<int> DeleteDoneAboutAsync(IQueryable<Guid?> correlationIds, DateTime cutoff, CancellationToken cancellationToken)
    {
        var (deleted, _) = await DeleteWithFilesAsync(OutboxQueries.DoneAbout(db, correlationIds, cutoff), _ => Task.FromResult(0), cancellationToken);
        return deleted;
    }

    // The rows, then what the caller deletes beside them, then the rows' files, all before the caller commits.
    private async Task<(int Deleted, T Result)> DeleteWithFilesAsync<T>(IQueryable<OutboxMessage> mails, Func<CancellationToken, Task<T>> alongside, CancellationToken cancellationToken)
    {
        _ = db.Database.CurrentTransaction ?? throw new InvalidOperationException("Mails are deleted inside the caller's transaction.");
        var files = await mails.Where(m => m.PickupFile != null).Select(m => m.PickupFile!).ToListAsync(cancellationToken);
        var deleted = await mails.ExecuteDeleteAsync(cancellationToken);
        var result = await alongside(cancellationToken);
        pickup.Delete(files);
        return (deleted, result);
    }

    /// <summary>Deletes mail files written before <paramref name="cutoff"/> that no message owns (left by a crash); returns how many.</summary>
    public async Task<int> DeleteUnownedFilesAsync(DateTime cutoff, CancellationToken cancellationToken)
    {
        var owned = await OutboxQueries.PickupFiles(db).ToListAsync(cancellationToken);
        return pickup.DeleteUnownedBefore(cutoff, owned.ToHashSet(StringComparer.Ordinal));
    }

    // Saved is not always committed (a caller's own transaction may still be open): the sender then finds nothing yet
    // and comes back at its next poll.
    private void WakeSender(object? sender, SavedChangesEventArgs e)
    {
        db.SavedChanges -= WakeSender;
        wakeOnSave = false;
        signal.Notify();
    }
}
