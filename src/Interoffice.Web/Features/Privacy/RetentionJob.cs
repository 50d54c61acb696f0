using System.ComponentModel.DataAnnotations;
using Interoffice.Web.Features.Consent;
using Interoffice.Web.Features.Contact;
using Interoffice.Web.Features.Staff;
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

    /// <summary>Months an entry of the staff audit log is kept.</summary>
    [Range(1, 120)]
    public int AuditLogMonths { get; set; } = 24;
}

/// <summary>What one run of the retention job deleted.</summary>
public sealed record RetentionResult(int Submissions, int ConsentRecords, int AuditEntries, int PickupFiles);

/// <summary>
/// Deletes what is past its retention: contact submissions (with their staff mails and pickup files), consent records,
/// audit log entries, and mail files in the pickup folder that no message owns. Runs at start and then once a day;
/// each run logs how many it deleted. Deleted means gone from the files too (see <see cref="Forgetting"/>).
/// </summary>
public sealed partial class RetentionJob(IServiceScopeFactory scopes, IOptions<RetentionOptions> options, TimeProvider time, ILogger<RetentionJob> logger) : BackgroundService
{
    public async Task<RetentionResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<SiteDbContext>();
        var now = time.GetUtcNow();

        // Not retention, but the daily care of the same rows: addresses an older instance stored during a rolling release.
        await services.GetRequiredService<SubmissionStore>().NormalizeMissingAsync(cancellationToken);
        var submissionCutoff = now.AddMonths(-options.Value.ContactSubmissions).UtcDateTime;
        var submissions = await services.GetRequiredService<SubmissionDeletion>()
            .DeleteAsync(s => s.ReceivedAt < submissionCutoff, _ => Task.CompletedTask, cancellationToken);
        var owned = await OutboxQueries.PickupFiles(db).ToListAsync(cancellationToken);
        var pickupFiles = services.GetRequiredService<PickupFolder>().DeleteUnownedBefore(submissionCutoff, owned.ToHashSet(StringComparer.Ordinal));
        var consent = await services.GetRequiredService<ConsentLog>().DeleteExpiredAsync(cancellationToken);
        var auditCutoff = now.AddMonths(-options.Value.AuditLogMonths).UtcDateTime;
        var audit = await services.GetRequiredService<AuditLog>().DeleteBeforeAsync(auditCutoff, cancellationToken);
        await db.ForgetDeletedAsync(cancellationToken);
        var result = new RetentionResult(submissions, consent, audit, pickupFiles);
        LogDeleted(logger, result.Submissions, submissionCutoff, result.ConsentRecords, result.AuditEntries, auditCutoff, result.PickupFiles);
        return result;
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

    [LoggerMessage(LogLevel.Information, "Retention: deleted {Submissions} contact submissions received before {SubmissionCutoff:u}, {ConsentRecords} consent records, {AuditEntries} audit log entries written before {AuditCutoff:u} and {PickupFiles} unowned mail files")]
    private static partial void LogDeleted(ILogger logger, int submissions, DateTime submissionCutoff, int consentRecords, int auditEntries, DateTime auditCutoff, int pickupFiles);

    [LoggerMessage(LogLevel.Error, "Retention failed; it runs again tomorrow")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
