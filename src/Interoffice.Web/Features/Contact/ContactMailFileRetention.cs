using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Interoffice.Web.Features.Contact;

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
