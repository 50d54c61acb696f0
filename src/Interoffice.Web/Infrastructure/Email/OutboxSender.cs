using Interoffice.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Interoffice.Web.Infrastructure.Email;

/// <summary>
/// Sends due outbox mail over one connection per round. Each message is claimed just before it is sent (so a claim
/// never runs out while a long batch is under way, and instances never send the same mail twice) and has its own
/// outcome: sent, refused for good (dead at once, with the server's answer), or retried with exponential backoff.
/// </summary>
public sealed partial class OutboxSender(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    IOptions<SmtpOptions> smtp,
    IOptions<OutboxLaneOptions> lanes,
    PickupFolder pickup,
    IHostEnvironment environment,
    TimeProvider time,
    DatabaseGate database,
    ILogger<OutboxSender> logger) : BackgroundService
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromHours(6);

    // One round at a time in an instance, whoever calls it: two rounds side by side would each count a lane's room.
    // Never disposed: it has no wait handle, and a round still running at stop must be able to release it.
    private readonly SemaphoreSlim round = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!smtp.Value.HasServer)
        {
            if (environment.IsDevelopment())
            {
                LogPickupInDevelopment(logger, pickup.Path);
            }
            else
            {
                LogNoMailServer(logger, pickup.Path);
            }
        }

        // Not beside the migration: the first page gets the other core.
        if (!await database.WaitUntilPreparedAsync(stoppingToken))
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(options.Value.PollIntervalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendDueAsync(stoppingToken) > 0)
                {
                    // A full batch may mean more is waiting.
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogCycleFailed(logger, ex);
            }

            try
            {
                await signal.WaitAsync(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One round: send what is due, one claimed message at a time, and record each outcome. Returns how many it tried.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await round.WaitAsync(cancellationToken);
        try
        {
            return await SendDueInRoundAsync(cancellationToken);
        }
        finally
        {
            round.Release();
        }
    }

    private async Task<int> SendDueInRoundAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        var transport = scope.ServiceProvider.GetRequiredService<IMailTransport>();
        var now = Now();
        var room = await RoomInLanesAsync(db, now, cancellationToken);
        var due = await OutboxQueries.Due(db, now, options.Value.BatchSize, [.. room.Where(r => r.Value <= 0).Select(r => r.Key)]).ToListAsync(cancellationToken);

        var tried = 0;
        var sent = 0;
        IMailConnection? connection = null;
        try
        {
            for (var i = 0; i < due.Count; i++)
            {
                var lane = lanes.Value.Find(due[i].Lane);
                if (lane is not null && room[lane.Name] <= 0)
                {
                    // This lane's minute is full: its messages wait for a later round.
                    continue;
                }

                var message = await ClaimAsync(db, due[i].Id, cancellationToken);
                if (message is null)
                {
                    continue;
                }

                if (lane is not null)
                {
                    room[lane.Name]--;
                }

                tried++;
                if (connection is { IsOpen: false })
                {
                    await connection.DisposeAsync();
                    connection = null;
                }

                try
                {
                    connection ??= await transport.ConnectAsync(cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    await PostponeAllAsync(db, message, due.Skip(i + 1).Select(d => d.Id), Describe(ex), cancellationToken);
                    break;
                }

                string? pickupFile;
                try
                {
                    pickupFile = await connection.SendAsync(OutboxMime.Of(message, smtp.Value.From, lane), cancellationToken);
                }
                catch (MailRefusedException refused) when (refused.IsPermanent)
                {
                    await DieAsync(db, message, $"Geweigerd door de mailserver: {refused.Message}");
                    continue;
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // A refusal for now (4xx) or a lost connection: this message waits; the next ones are not charged for it.
                    await FailAsync(db, message, Describe(ex));
                    continue;
                }

                await SentAsync(db, message, pickupFile);
                sent++;
            }
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }

        if (tried > 0)
        {
            LogRound(logger, sent, tried);
        }

        return tried;
    }

    // Counted from what every instance sent in the last minute, so a lane keeps its rate across rounds and restarts.
    // Two instances counting at the same moment may each fill the same minute (docs/operations.md).
    private async Task<Dictionary<string, int>> RoomInLanesAsync(SiteDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var room = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var lane in lanes.Value.Lanes)
        {
            room[lane.Name] = lane.MessagesPerMinute - await OutboxQueries.SentInLaneAsync(db, lane.Name, now.AddMinutes(-1), cancellationToken);
        }

        return room;
    }

    // A conditional update wins the message for this round only if nobody else holds it; the claim lasts for one message.
    private async Task<OutboxMessage?> ClaimAsync(SiteDbContext db, long id, CancellationToken cancellationToken)
    {
        var now = Now();
        var token = Guid.NewGuid();
        var until = now.AddSeconds(options.Value.ClaimSeconds);
        var won = await OutboxQueries.ClaimAsync(db, id, now, token, until, cancellationToken);
        return won == 1 ? await OutboxQueries.Claimed(db, id, token).SingleOrDefaultAsync(cancellationToken) : null;
    }

    private static string Describe(Exception error) => error is MailRefusedException ? error.Message : $"{error.GetType().Name}: {error.Message}";

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
