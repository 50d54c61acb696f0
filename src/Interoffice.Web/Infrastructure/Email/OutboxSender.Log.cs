namespace Interoffice.Web.Infrastructure.Email;

/// <summary>What the sender logs: a line per round, and every retry, death and refusal with the message's id, never its content.</summary>
public sealed partial class OutboxSender
{
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
