using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Email;
using Interoffice.Web.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Interoffice.Web.Features.Contact;

/// <summary>
/// Once a day, from 08:00 Dutch time, staff get one mail listing the open privacy requests due within 7 days (or
/// overdue); none when there are none. Looked for every hour, so a restart or a quiet night changes nothing.
/// </summary>
public sealed partial class DeadlineReminder(IServiceScopeFactory scopes, TimeProvider time, DatabaseGate database, ILogger<DeadlineReminder> logger) : BackgroundService
{
    public const int FromHour = 8;

    private static readonly TimeSpan Ahead = TimeSpan.FromDays(7);

    /// <summary>Sends today's reminder if it is due and not yet sent; true when it queued one.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (DutchTime.FromUtc(now).Hour < FromHour)
        {
            return false;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        var today = DutchTime.StartOfDayUtc(DutchTime.Day(now));
        if (await db.Set<OutboxMessage>().AnyAsync(m => m.CorrelationId == PrivacyRequestMails.Reminders && m.CreatedAt >= today, cancellationToken))
        {
            return false;
        }

        var due = await Due(db, now + Ahead).ToListAsync(cancellationToken);

        if (due.Count == 0)
        {
            return false;
        }

        // Older reminders go after a month: they name references only, and staff have them in their mailbox.
        var reminders = db.Set<OutboxMessage>().Where(m => m.CorrelationId == PrivacyRequestMails.Reminders).Select(m => m.CorrelationId).Distinct();
        await db.DeleteInTransactionAsync(token => outbox.DeleteDoneAboutAsync(reminders, now.AddMonths(-1), token), cancellationToken);

        var site = scope.ServiceProvider.GetRequiredService<IOptions<SiteOptions>>().Value;
        var to = scope.ServiceProvider.GetRequiredService<IOptions<ContactOptions>>().Value.NotifyTo;
        outbox.Queue(PrivacyRequestMails.Reminder(to, due, now, string.IsNullOrEmpty(site.BaseUrl) ? null : site.BaseUrl.TrimEnd('/')));
        await db.SaveChangesAsync(cancellationToken);
        LogReminded(logger, due.Count);
        return true;
    }

    /// <summary>Open privacy requests due by <paramref name="horizon"/> (overdue ones too), the nearest first.</summary>
    public static IQueryable<ContactSubmission> Due(SiteDbContext db, DateTime horizon)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<ContactSubmission>().AsNoTracking().Where(ContactSubmission.Open).Where(s => s.DueAt <= horizon).OrderBy(s => s.DueAt);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await database.WaitUntilPreparedAsync(stoppingToken))
        {
            return;
        }

        // First an hour after the start: a restart never sends twice, and a short-lived instance (a verb, a test) never sends.
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(LogLevel.Information, "Privacy requests: reminded staff of {Count} due within 7 days")]
    private static partial void LogReminded(ILogger logger, int count);

    [LoggerMessage(LogLevel.Error, "Privacy requests: the daily reminder failed; it is tried again in an hour")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
