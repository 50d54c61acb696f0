using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Interoffice.Web.Features.Newsletter;

/// <summary>
/// Newsletter mails (each names its recipient) stay in the outbox for <see cref="NewsletterOptions.SentMailDays"/>
/// after they left, so staff can see a sending through; then they go. Mail still waiting stays.
/// </summary>
internal sealed class NewsletterMailRetention(SiteDbContext db, Outbox outbox, NewsletterSending sending, IOptions<NewsletterOptions> options) : IRetentionTask
{
    public string Name => "sent newsletter mails";

    public async Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await sending.DeleteOrphanedMailsAsync(cancellationToken);
        var cutoff = now.AddDays(-options.Value.SentMailDays).UtcDateTime;
        return await db.DeleteInTransactionAsync(
            async token =>
                await outbox.DeleteDoneAboutAsync(db.Set<Subscriber>().Select(s => (Guid?)s.Id), cutoff, token)
                + await outbox.DeleteDoneAboutAsync(TestMails(), cutoff, token),
            cancellationToken);
    }

    // The test mails' one correlation id, as a query the outbox can use.
    private IQueryable<Guid?> TestMails() =>
        db.Set<OutboxMessage>().Where(m => m.CorrelationId == NewsletterMails.TestMails).Select(m => m.CorrelationId).Distinct();
}
