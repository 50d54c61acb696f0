using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Features.Newsletter;

/// <summary>A sign-up nobody confirmed within 7 days goes, with its confirmation mail.</summary>
internal sealed class UnconfirmedSignUpRetention(SiteDbContext db, Outbox outbox) : IRetentionTask
{
    public static readonly TimeSpan Keep = TimeSpan.FromDays(7);

    public string Name => "unconfirmed newsletter sign-ups";

    public Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = (now - Keep).UtcDateTime;
        var which = db.Set<Subscriber>().Where(s => s.ConfirmedAt == null && s.SignedUpAt < cutoff);
        return db.DeleteInTransactionAsync(
            token => outbox.DeleteAboutAsync(which.Select(s => (Guid?)s.Id), which.ExecuteDeleteAsync, token),
            cancellationToken);
    }
}
