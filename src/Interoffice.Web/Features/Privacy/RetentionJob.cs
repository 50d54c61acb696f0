using System.ComponentModel.DataAnnotations;
using Interoffice.Web.Features.Consent;
using Interoffice.Web.Features.Contact;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Interoffice.Web.Features.Privacy;

/// <summary>Bound from the <c>Retention</c> section.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Months a contact submission is kept after it was received (the privacy statement says 24).</summary>
    [Range(1, 120)]
    public int ContactSubmissions { get; set; } = 24;
}

/// <summary>
/// Deletes what is past its retention: contact submissions (with their staff mails) and consent records.
/// Runs at start and then once a day; each run logs how many it deleted.
/// </summary>
public sealed partial class RetentionJob(IServiceScopeFactory scopes, IOptions<RetentionOptions> options, TimeProvider time, ILogger<RetentionJob> logger) : BackgroundService
{
    public async Task<(int Submissions, int ConsentRecords)> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        var cutoff = time.GetUtcNow().AddMonths(-options.Value.ContactSubmissions).UtcDateTime;
        var expired = db.Set<ContactSubmission>().Where(s => s.ReceivedAt < cutoff).Select(s => (Guid?)s.Id);
        await db.Set<OutboxMessage>().Where(m => expired.Contains(m.ContactSubmissionId)).ExecuteDeleteAsync(cancellationToken);
        var submissions = await db.Set<ContactSubmission>().Where(s => s.ReceivedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        LogDeleted(logger, submissions, cutoff);
        var consent = await scope.ServiceProvider.GetRequiredService<ConsentLog>().DeleteExpiredAsync(cancellationToken);
        return (submissions, consent);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromDays(1), time);
        do
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
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(LogLevel.Information, "Retention: deleted {Count} contact submissions received before {Cutoff:u}")]
    private static partial void LogDeleted(ILogger logger, int count, DateTime cutoff);

    [LoggerMessage(LogLevel.Error, "Retention failed; it runs again tomorrow")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
