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

/// <summary>What becomes of a sent or dead message besides the outbox row (a contact submission's notification state).</summary>
public interface IOutboxObserver
{
    Task OnSentAsync(SiteDbContext db, OutboxMessage message, CancellationToken cancellationToken);

    Task OnDeadAsync(SiteDbContext db, OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// Sends due outbox mail: claims each row before sending it (so instances never send the same mail twice),
/// sends a batch over one connection, and on failure retries with exponential backoff until the message is dead.
/// </summary>
public sealed partial class OutboxSender(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    IOptions<SmtpOptions> smtp,
    TimeProvider time,
    ILogger<OutboxSender> logger) : BackgroundService
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromHours(6);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
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

    /// <summary>One round: claim what is due, send it, record the outcome. Returns how many were claimed.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        var transport = scope.ServiceProvider.GetRequiredService<IMailTransport>();
        var observers = scope.ServiceProvider.GetServices<IOutboxObserver>().ToList();
        var now = time.GetUtcNow().UtcDateTime;
        var token = Guid.NewGuid();
        var until = now.AddSeconds(options.Value.ClaimSeconds);

        var candidates = await db.Set<OutboxMessage>()
            .Where(m => m.SentAt == null && m.DeadAt == null && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.Id)
            .Select(m => m.Id)
            .Take(options.Value.BatchSize)
            .ToListAsync(cancellationToken);

        // Claim row by row with a conditional update: only one instance can win each row.
        var claimed = new List<long>();
        foreach (var id in candidates)
        {
            var won = await db.Set<OutboxMessage>()
                .Where(m => m.Id == id && m.SentAt == null && m.DeadAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimToken, token).SetProperty(m => m.ClaimedUntil, until), cancellationToken);
            if (won == 1)
            {
                claimed.Add(id);
            }
        }

        if (claimed.Count == 0)
        {
            return 0;
        }

        var messages = await db.Set<OutboxMessage>().Where(m => claimed.Contains(m.Id) && m.ClaimToken == token).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        var sentCount = 0;
        try
        {
            await transport.SendAsync([.. messages.Select(ToMime)], async index =>
            {
                var message = messages[index];
                message.SentAt = time.GetUtcNow().UtcDateTime;
                message.Attempts++;
                message.ClaimToken = null;
                message.ClaimedUntil = null;
                message.LastError = null;
                foreach (var observer in observers)
                {
                    await observer.OnSentAsync(db, message, cancellationToken);
                }

                // Recorded at once, so a failure later in the batch never sends this one again.
                await db.SaveChangesAsync(CancellationToken.None);
                sentCount++;
            }, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            foreach (var message in messages.Where(m => m.SentAt is null))
            {
                await FailAsync(db, observers, message, ex, cancellationToken);
            }

            await db.SaveChangesAsync(CancellationToken.None);
        }

        LogBatch(logger, sentCount, messages.Count);
        return messages.Count;
    }

    private async Task FailAsync(SiteDbContext db, List<IOutboxObserver> observers, OutboxMessage message, Exception error, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        message.Attempts++;
        message.ClaimToken = null;
        message.ClaimedUntil = null;
        var reason = $"{error.GetType().Name}: {error.Message}";
        message.LastError = reason.Length > 1000 ? reason[..1000] : reason;
        if (message.Attempts >= options.Value.MaxAttempts)
        {
            message.DeadAt = now;
            LogDead(logger, message.Id, message.Attempts);
            foreach (var observer in observers)
            {
                await observer.OnDeadAsync(db, message, cancellationToken);
            }

            return;
        }

        var delay = TimeSpan.FromSeconds(options.Value.RetryDelaySeconds * Math.Pow(2, message.Attempts - 1));
        message.NextAttemptAt = now + (delay > MaxDelay ? MaxDelay : delay);
        LogRetry(logger, message.Id, message.Attempts, message.NextAttemptAt, error.Message);
    }

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

    [LoggerMessage(LogLevel.Information, "Outbox: sent {Sent} of {Claimed} claimed messages")]
    private static partial void LogBatch(ILogger logger, int sent, int claimed);

    [LoggerMessage(LogLevel.Warning, "Outbox: message {Id} failed (attempt {Attempts}), next try at {NextAttemptAt:u}: {Error}")]
    private static partial void LogRetry(ILogger logger, long id, int attempts, DateTime nextAttemptAt, string error);

    [LoggerMessage(LogLevel.Error, "Outbox: message {Id} is dead after {Attempts} attempts; staff can send it again")]
    private static partial void LogDead(ILogger logger, long id, int attempts);

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
        if (string.IsNullOrWhiteSpace(builder.Configuration[$"{SmtpOptions.SectionName}:{nameof(SmtpOptions.Host)}"]))
        {
            builder.Services.AddSingleton<IMailTransport, PickupDirectoryMailTransport>();
        }
        else
        {
            builder.Services.AddSingleton<IMailTransport, SmtpMailTransport>();
        }

        builder.Services.AddSingleton<OutboxSender>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        return builder;
    }
}
