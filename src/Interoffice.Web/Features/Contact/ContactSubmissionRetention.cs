using Interoffice.Web.Infrastructure.Data;
using Microsoft.Extensions.Options;

namespace Interoffice.Web.Features.Contact;

/// <summary>Submissions past their period go, with their staff mails and those mails' files; one kept for the accounts waits until its date.</summary>
internal sealed class ContactSubmissionRetention(SubmissionDeletion deletion, IOptions<ContactRetentionOptions> options) : IRetentionTask
{
    public const string What = "contact submissions";

    public string Name => What;

    public Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now.AddMonths(-options.Value.ContactSubmissions).UtcDateTime;
        return deletion.DeleteAsync(s => s.ReceivedAt < cutoff, _ => Task.CompletedTask, cancellationToken);
    }
}
