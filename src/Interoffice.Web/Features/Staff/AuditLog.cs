using Interoffice.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Interoffice.Web.Features.Staff;

/// <summary>The actions staff take, as written to the audit log.</summary>
public static class AuditAction
{
    public const string SignIn = "inloggen";
    public const string SignInFailed = "inloggen-mislukt";
    public const string LockedOut = "geblokkeerd";
    public const string SignOut = "uitloggen";
    public const string ViewSubmission = "bericht-bekeken";
    public const string MarkHandled = "bericht-afgehandeld";
    public const string MarkNew = "bericht-heropend";
    public const string DeleteSubmission = "bericht-verwijderd";
    public const string ExportSubmissions = "berichten-geexporteerd";
    public const string SearchSubmissions = "berichten-doorzocht";
    public const string ResendNotification = "melding-opnieuw-verzonden";
    public const string ViewPerson = "persoon-bekeken";
    public const string ExportPerson = "persoon-geexporteerd";
    public const string ErasePerson = "persoon-gewist";
    public const string ViewConsent = "toestemming-bekeken";
    public const string ExportConsent = "toestemmingen-geexporteerd";
    public const string ConsentEvidence = "toestemmingsbewijs-gedownload";
    public const string ExportConsentFigures = "toestemmingscijfers-geexporteerd";
    public const string CreateAccount = "account-aangemaakt";
    public const string DisableAccount = "account-uitgeschakeld";
    public const string ResetPassword = "wachtwoord-hersteld";
    public const string EnableTwoFactor = "tweestaps-aan";
    public const string DisableTwoFactor = "tweestaps-uit";
    public const string NewRecoveryCodes = "herstelcodes-gemaakt";
    public const string SignInRecoveryCode = "inloggen-herstelcode";
    public const string SignInPasskey = "inloggen-passkey";
    public const string AddPasskey = "passkey-toegevoegd";
    public const string RemovePasskey = "passkey-verwijderd";
    public const string ResetTwoFactor = "tweestaps-hersteld";
}

public sealed class AuditLog(SiteDbContext db, TimeProvider time, IHttpContextAccessor http, IOptions<AuditRetentionOptions> retention) : IRetentionTask
{
    public const string CommandLine = "opdrachtregel";

    /// <summary>Appends one entry; the actor is the signed-in staff member unless given.</summary>
    public async Task WriteAsync(string action, string? target, string? actor = null, CancellationToken cancellationToken = default)
    {
        db.Add(new AuditEntry
        {
            At = time.GetUtcNow().UtcDateTime,
            Actor = actor ?? http.HttpContext?.User.Identity?.Name ?? CommandLine,
            Action = action,
            Target = target is { Length: > 400 } ? target[..400] : target,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public string Name => "audit log entries";

    /// <summary>Deletes entries older than Retention:AuditLogMonths; returns how many.</summary>
    public Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        Before(db, now.AddMonths(-retention.Value.AuditLogMonths).UtcDateTime).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Entries written before <paramref name="cutoff"/>.</summary>
    public static IQueryable<AuditEntry> Before(SiteDbContext db, DateTime cutoff)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<AuditEntry>().Where(a => a.At < cutoff);
    }

    /// <summary>One page (from 1) of the log, newest first, with one entry more than <paramref name="size"/> to tell whether more follow.</summary>
    public static IQueryable<AuditEntry> Page(SiteDbContext db, int page, int size)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<AuditEntry>().AsNoTracking().OrderByDescending(a => a.Id).Skip((page - 1) * size).Take(size + 1);
    }
}

/// <summary>Bound from the <c>Retention</c> section: how long the audit log keeps an entry.</summary>
public sealed class AuditRetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Months an entry of the staff audit log is kept.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 120)]
    public int AuditLogMonths { get; set; } = 24;
}
