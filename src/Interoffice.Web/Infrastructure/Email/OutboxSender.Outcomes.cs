using Interoffice.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Infrastructure.Email;

/// <summary>What becomes of a message after a try: sent, retried with backoff, postponed with the rest, or dead; each recorded at once.</summary>
public sealed partial class OutboxSender
{
    // The server cannot be reached: this message is charged the attempt; every other one due now waits the first retry
    // delay, without an attempt charged, since none of them was tried. (Each round charges the oldest message due, so
    // with a server that stays away every message still comes to its last attempt in turn.)
    private async Task PostponeAllAsync(SiteDbContext db, OutboxMessage message, IEnumerable<long> others, string reason, CancellationToken cancellationToken)
    {
        await FailAsync(db, message, reason);
        var until = Now().AddSeconds(options.Value.RetryDelaySeconds);
        foreach (var id in others)
        {
            if (await ClaimAsync(db, id, cancellationToken) is { } waiting)
            {
                waiting.Postpone(reason, until);
                await db.SaveChangesAsync(CancellationToken.None);
            }
        }
    }

    private async Task SentAsync(SiteDbContext db, OutboxMessage message, string? pickupFile)
    {
        message.MarkSent(Now(), pickupFile);

        // Recorded at once, so nothing later in the round can send this one again.
        try
        {
            await SaveDoneAsync(db, message);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Erased or deleted while it was being sent: the copy just written to the folder goes too.
            if (message.PickupFile is { } file)
            {
                pickup.Delete([file]);
            }

            db.ChangeTracker.Clear();
            LogDeletedWhileSending(logger, message.Id);
        }
    }

    private async Task FailAsync(SiteDbContext db, OutboxMessage message, string reason)
    {
        if (message.Attempts + 1 >= options.Value.MaxAttempts)
        {
            await DieAsync(db, message, reason);
            return;
        }

        var delay = TimeSpan.FromSeconds(options.Value.RetryDelaySeconds * Math.Pow(2, message.Attempts));
        message.MarkFailed(reason, Now() + (delay > MaxDelay ? MaxDelay : delay));
        LogRetry(logger, message.Id, message.Attempts, message.NextAttemptAt, message.LastError!);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private async Task DieAsync(SiteDbContext db, OutboxMessage message, string reason)
    {
        message.MarkDead(reason, Now());
        LogDead(logger, message.Id, message.Attempts, message.LastError!);
        await SaveDoneAsync(db, message);
    }

    // A message that left or died: recorded, and a forgotten body's old version (with its one-time link) must not
    // linger in the database's files either.
    private static async Task SaveDoneAsync(SiteDbContext db, OutboxMessage message)
    {
        await db.SaveChangesAsync(CancellationToken.None);
        if (message.ForgetBodyWhenDone)
        {
            await db.ForgetDeletedAsync(CancellationToken.None);
        }
    }
}
