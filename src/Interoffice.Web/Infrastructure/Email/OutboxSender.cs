using Interoffice.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Interoffice.Web.Infrastructure.Email;

/// <summary>Wakes the sender right after new mail was written, instead of at its next poll.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Notify()
    {
        if (signal.CurrentCount == 0)
        {
            try
            {
                signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled: one wake-up is enough.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => signal.Dispose();
}

/// <summary>How the feature that queued a mail hears that it was sent or is dead (found by its <see cref="OutboxMessage.CorrelationId"/>).</summary>
public interface IOutboxObserver
{
    Task OnSentAsync(SiteDbContext db, OutboxMessage message, CancellationToken cancellationToken);

    Task OnDeadAsync(SiteDbContext db, OutboxMessage message, CancellationToken cancellationToken);
}

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
    PickupFolder pickup,
    IHostEnvironment environment,
    TimeProvider time,
    ILogger<OutboxSender> logger) : BackgroundService
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromHours(6);

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
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        var transport = scope.ServiceProvider.GetRequiredService<IMailTransport>();
        var observers = scope.ServiceProvider.GetServices<IOutboxObserver>().ToList();
        var now = Now();
        var due = await OutboxQueries.Due(db, now, options.Value.BatchSize).ToListAsync(cancellationToken);

        var tried = 0;
        var sent = 0;
        IMailConnection? connection = null;
        try
        {
            for (var i = 0; i < due.Count; i++)
            {
                var message = await ClaimAsync(db, due[i], cancellationToken);
                if (message is null)
                {
                    continue;
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
                    await PostponeAllAsync(db, observers, message, due.Skip(i + 1), Describe(ex), cancellationToken);
                    break;
                }

                string? pickupFile;
                try
                {
                    pickupFile = await connection.SendAsync(ToMime(message), cancellationToken);
                }
                catch (MailRefusedException refused) when (refused.IsPermanent)
                {
                    await DieAsync(db, observers, message, $"Geweigerd door de mailserver: {refused.Message}", cancellationToken);
                    continue;
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // A refusal for now (4xx) or a lost connection: this message waits; the next ones are not charged for it.
                    await FailAsync(db, observers, message, Describe(ex), cancellationToken);
                    continue;
                }

                message.PickupFile = pickupFile;
                await SentAsync(db, observers, message, cancellationToken);
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

    // A conditional update wins the message for this round only if nobody else holds it; the claim lasts for one message.
    private async Task<OutboxMessage?> ClaimAsync(SiteDbContext db, long id, CancellationToken cancellationToken)
    {
        var now = Now();
        var token = Guid.NewGuid();
        var until = now.AddSeconds(options.Value.ClaimSeconds);
        var won = await OutboxQueries.ClaimAsync(db, id, now, token, until, cancellationToken);
        return won == 1 ? await OutboxQueries.Claimed(db, id, token).SingleOrDefaultAsync(cancellationToken) : null;
    }

    // The server cannot be reached: this message is charged the attempt; every other one due now waits the first retry
    // delay, without an attempt charged, since none of them was tried. (Each round charges the oldest message due, so
    // with a server that stays away every message still comes to its last attempt in turn.)
    private async Task PostponeAllAsync(SiteDbContext db, List<IOutboxObserver> observers, OutboxMessage message, IEnumerable<long> others, string reason, CancellationToken cancellationToken)
    {
        await FailAsync(db, observers, message, reason, cancellationToken);
        var until = Now().AddSeconds(options.Value.RetryDelaySeconds);
        foreach (var id in others)
        {
            if (await ClaimAsync(db, id, cancellationToken) is { } waiting)
            {
                waiting.LastError = Truncate(reason);
                waiting.NextAttemptAt = until;
                Release(waiting);
                await db.SaveChangesAsync(CancellationToken.None);
            }
        }
    }

    private async Task SentAsync(SiteDbContext db, List<IOutboxObserver> observers, OutboxMessage message, CancellationToken cancellationToken)
    {
        message.SentAt = Now();
        message.Attempts++;
        message.LastError = null;
        Release(message);
        foreach (var observer in observers)
        {
            await observer.OnSentAsync(db, message, cancellationToken);
        }

        // Recorded at once, so nothing later in the round can send this one again.
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
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

    private async Task FailAsync(SiteDbContext db, List<IOutboxObserver> observers, OutboxMessage message, string reason, CancellationToken cancellationToken)
    {
        if (message.Attempts + 1 >= options.Value.MaxAttempts)
        {
            await DieAsync(db, observers, message, reason, cancellationToken);
            return;
        }

        var now = Now();
        message.Attempts++;
        message.LastError = Truncate(reason);
        var delay = TimeSpan.FromSeconds(options.Value.RetryDelaySeconds * Math.Pow(2, message.Attempts - 1));
        message.NextAttemptAt = now + (delay > MaxDelay ? MaxDelay : delay);
        Release(message);
        LogRetry(logger, message.Id, message.Attempts, message.NextAttemptAt, message.LastError);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private async Task DieAsync(SiteDbContext db, List<IOutboxObserver> observers, OutboxMessage message, string reason, CancellationToken cancellationToken)
    {
        message.Attempts++;
        message.DeadAt = Now();
        message.LastError = Truncate(reason);
        Release(message);
        LogDead(logger, message.Id, message.Attempts, message.LastError);
        foreach (var observer in observers)
        {
            await observer.OnDeadAsync(db, message, cancellationToken);
        }

        await db.SaveChangesAsync(CancellationToken.None);
    }

    private static void Release(OutboxMessage message)
    {
        message.ClaimToken = null;
        message.ClaimedUntil = null;
    }

    private static string Describe(Exception error) => error is MailRefusedException ? error.Message : $"{error.GetType().Name}: {error.Message}";

    private static string Truncate(string reason) => reason.Length > 1000 ? reason[..1000] : reason;

    private DateTime Now() => time.GetUtcNow().UtcDateTime;

    private MimeMessage ToMime(OutboxMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(smtp.Value.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        if (message.ReplyToAddress is not null)
        {
            mime.ReplyTo.Add(new MailboxAddress(message.ReplyToName ?? "", message.ReplyToAddress));
        }

        mime.Subject = message.Subject;
        mime.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("interoffice.nl");
        mime.Headers.Add("X-Interoffice-Outbox-Id", message.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }

    [LoggerMessage(LogLevel.Information, "Outbox: sent {Sent} of {Tried} messages")]
    private static partial void LogRound(ILogger logger, int sent, int tried);

    [LoggerMessage(LogLevel.Warning, "Outbox: message {Id} failed (attempt {Attempts}), next try at {NextAttemptAt:u}: {Error}")]
    private static partial void LogRetry(ILogger logger, long id, int attempts, DateTime nextAttemptAt, string error);

    [LoggerMessage(LogLevel.Error, "Outbox: message {Id} is dead after {Attempts} attempts ({Error}); staff can send it again")]
    private static partial void LogDead(ILogger logger, long id, int attempts, string error);

    [LoggerMessage(LogLevel.Warning, "Outbox: message {Id} was deleted (erasure, delete or retention) while it was being sent")]
    private static partial void LogDeletedWhileSending(ILogger logger, long id);

    [LoggerMessage(LogLevel.Warning, "No mail server is set (Smtp:Host): staff notifications are not mailed but written to {Folder}")]
    private static partial void LogNoMailServer(ILogger logger, string folder);

    [LoggerMessage(LogLevel.Information, "Development without Smtp:Host: mail is written to {Folder}")]
    private static partial void LogPickupInDevelopment(ILogger logger, string folder);

    [LoggerMessage(LogLevel.Error, "Outbox: a send round failed; it is tried again")]
    private static partial void LogCycleFailed(ILogger logger, Exception exception);
}

public static class EmailExtensions
{
    public static IHostApplicationBuilder AddSiteEmail(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<PickupFolder>();
        builder.Services.AddSingleton<IMailTransport>(sp => sp.GetRequiredService<IOptions<SmtpOptions>>().Value.HasServer
            ? ActivatorUtilities.CreateInstance<SmtpMailTransport>(sp)
            : ActivatorUtilities.CreateInstance<PickupDirectoryMailTransport>(sp));

        builder.Services.AddSingleton<OutboxSender>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        return builder;
    }
}
