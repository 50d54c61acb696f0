using System.ComponentModel.DataAnnotations;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Interoffice.Web.Features.Contact;

/// <summary>Bound from the <c>Retention</c> section: how long the contact form's submissions are kept.</summary>
public sealed class ContactRetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Months a contact submission is kept after it was received (the privacy statement says 24).</summary>
    [Range(1, 120)]
    public int ContactSubmissions { get; set; } = 24;
}

/// <summary>Submissions past their period go, with their staff mails and those mails' files.</summary>
internal sealed class ContactSubmissionRetention(SubmissionStore store, SubmissionDeletion deletion, IOptions<ContactRetentionOptions> options) : IRetentionTask
{
    public const string What = "contact submissions";

    public string Name => What;

    public async Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Not retention, but the daily care of the same rows: addresses an older instance stored during a rolling release.
        await store.NormalizeMissingAsync(cancellationToken);
        var cutoff = now.AddMonths(-options.Value.ContactSubmissions).UtcDateTime;
        return await deletion.DeleteAsync(s => s.ReceivedAt < cutoff, _ => Task.CompletedTask, cancellationToken);
    }
}

/// <summary>
/// Mail files in the pickup folder that no message owns (left by a crash or an older version) go once they are as old
/// as a submission that is deleted: the contact form is what writes them.
/// </summary>
internal sealed class ContactMailFileRetention(SiteDbContext db, PickupFolder pickup, IOptions<ContactRetentionOptions> options) : IRetentionTask
{
    public const string What = "unowned mail files";

    public string Name => What;

    public async Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var owned = await OutboxQueries.PickupFiles(db).ToListAsync(cancellationToken);
        return pickup.DeleteUnownedBefore(now.AddMonths(-options.Value.ContactSubmissions).UtcDateTime, owned.ToHashSet(StringComparer.Ordinal));
    }
}
