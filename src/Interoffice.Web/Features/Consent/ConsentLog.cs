using Interoffice.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Interoffice.Web.Features.Consent;

/// <summary>Appends the proof of every choice to the database and deletes proof past its retention.</summary>
public sealed partial class ConsentLog(SiteDbContext db, EnabledServices services, IOptions<ConsentOptions> options, TimeProvider time, ILogger<ConsentLog> logger)
{
    public async Task AppendAsync(ConsentState state, bool globalPrivacyControl, string? userAgent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        bool? Of(ConsentCategory category) => services.Offered.Contains(category) ? state.Granted.Contains(category) : null;
        db.Set<ConsentRecord>().Add(new ConsentRecord
        {
            ConsentId = state.ConsentId,
            RecordedAt = state.DecidedAt.UtcDateTime,
            PolicyVersion = state.PolicyVersion,
            Method = state.Method,
            Analytics = Of(ConsentCategory.Analytics),
            Tracking = Of(ConsentCategory.Tracking),
            Social = Of(ConsentCategory.Social),
            Advertising = Of(ConsentCategory.Advertising),
            GlobalPrivacyControl = globalPrivacyControl,
            BrowserFamily = BrowserFamily.Of(userAgent),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Deletes records older than Consent:RecordRetentionMonths; returns how many.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().AddMonths(-options.Value.RecordRetentionMonths).UtcDateTime;
        var deleted = await db.Set<ConsentRecord>().Where(r => r.RecordedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        LogDeleted(logger, deleted, cutoff);
        return deleted;
    }

    [LoggerMessage(LogLevel.Information, "Consent log retention: deleted {Count} records from before {Cutoff:u}")]
    private static partial void LogDeleted(ILogger logger, int count, DateTime cutoff);
}

/// <summary>The browser family for the proof of consent: enough to explain a record, too little to identify anyone.</summary>
public static class BrowserFamily
{
    public static string Of(string? userAgent) => userAgent switch
    {
        null or "" => "Onbekend",
        _ when userAgent.Contains("Edg/", StringComparison.Ordinal) => "Edge",
        _ when userAgent.Contains("OPR/", StringComparison.Ordinal) => "Opera",
        _ when userAgent.Contains("Firefox/", StringComparison.Ordinal) => "Firefox",
        _ when userAgent.Contains("Chrome/", StringComparison.Ordinal) || userAgent.Contains("Chromium/", StringComparison.Ordinal) => "Chrome",
        _ when userAgent.Contains("Safari/", StringComparison.Ordinal) => "Safari",
        _ => "Overig",
    };
}
