using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Email;
using Microsoft.Extensions.Options;

namespace Interoffice.Web.Features.Contact;

/// <summary>
/// Mail files in the pickup folder that no message owns (left by a crash or an older version) go once they are as old
/// as a submission that is deleted: the contact form is what writes them.
/// </summary>
internal sealed class ContactMailFileRetention(Outbox outbox, IOptions<ContactRetentionOptions> options) : IRetentionTask
{
    public const string What = "unowned mail files";

    public string Name => What;

    public Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        outbox.DeleteUnownedFilesAsync(now.AddMonths(-options.Value.ContactSubmissions).UtcDateTime, cancellationToken);
}
