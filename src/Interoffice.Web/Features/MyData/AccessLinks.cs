using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Email;
using Interoffice.Web.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Interoffice.Web.Features.MyData;

/// <summary>
/// Requests for a link and their use: every request is answered alike, every address is mailed a few times an hour at
/// most, and a link opens one session, once, in the browser that asked, within its time.
/// </summary>
public sealed class AccessLinks(SiteDbContext db, Outbox outbox, PersonRecords people, IOptions<MyDataOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    /// <summary>Mails the address its link, or word that nothing is held; nothing when it had its mails for this hour. The caller learns nothing either way.</summary>
    public async Task RequestAsync(string email, string browserSecret, string baseUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var address = email.Trim();
        var normalized = EmailAddresses.Normalize(address);
        var holds = (await people.FindAsync(address, cancellationToken)).HoldsAnything;

        // Counted and written under the write lock, so that a flood of parallel requests cannot each find room.
        await db.RunSerializedAsync("mijn-gegevens-links", async token =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            var since = now - Hour;
            var mailed = await db.Set<AccessLink>().CountAsync(l => l.NormalizedEmail == normalized && l.Mailed && l.CreatedAt > since, token);
            var mail = mailed < options.Value.MailsPerAddressPerHour;
            var (link, secret) = AccessLink.Request(normalized, Secrets.Hash(browserSecret), holds, mail, now, TimeSpan.FromMinutes(options.Value.LinkMinutes));
            db.Add(link);
            if (mail)
            {
                outbox.Queue(secret is null ? MyDataMails.NothingHeld(address, link) : MyDataMails.Link(address, link, secret, baseUrl));
            }

            await db.SaveChangesAsync(token);
            return mail;
        }, cancellationToken);
    }

    /// <summary>Uses the link <paramref name="code"/> in the browser whose cookie is <paramref name="browserSecret"/>: a new session and its secret, or why not.</summary>
    public async Task<(OpenOutcome Outcome, string? SessionSecret)> OpenAsync(string? code, string? browserSecret, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(code) || code.Length > 64)
        {
            return (OpenOutcome.Unknown, null);
        }

        var hash = Secrets.Hash(code);
        var link = await db.Set<AccessLink>().AsNoTracking().FirstOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        if (link is null)
        {
            return (OpenOutcome.Unknown, null);
        }

        if (link.UsedAt is not null)
        {
            return (OpenOutcome.Used, null);
        }

        if (link.ExpiresAt < now)
        {
            return (OpenOutcome.Expired, null);
        }

        if (browserSecret is null || !string.Equals(Secrets.Hash(browserSecret), link.BrowserHash, StringComparison.Ordinal))
        {
            return (OpenOutcome.OtherBrowser, null);
        }

        // Used once: of two presses at the same moment, one wins.
        var secret = Secrets.New();
        var opened = await db.RunSerializedAsync("mijn-gegevens-links", async token =>
        {
            if (await db.Set<AccessLink>().Where(l => l.Id == link.Id && l.UsedAt == null).ExecuteUpdateAsync(l => l.SetProperty(x => x.UsedAt, now), token) == 0)
            {
                return false;
            }

            db.Add(AccessSession.Start(link.NormalizedEmail, Secrets.Hash(secret), now, TimeSpan.FromMinutes(options.Value.SessionMinutes)));
            await db.SaveChangesAsync(token);
            return true;
        }, cancellationToken);
        return opened ? (OpenOutcome.Opened, secret) : (OpenOutcome.Used, null);
    }

    /// <summary>The session the cookie names, while it lasts; null otherwise.</summary>
    public async Task<AccessSession?> SessionAsync(string? cookie, CancellationToken cancellationToken)
    {
        if (cookie is null)
        {
            return null;
        }

        var hash = Secrets.Hash(cookie);
        var now = time.GetUtcNow().UtcDateTime;
        return await db.Set<AccessSession>().AsNoTracking().FirstOrDefaultAsync(s => s.SecretHash == hash && s.ExpiresAt > now, cancellationToken);
    }

    public Task EndAsync(AccessSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return db.Set<AccessSession>().Where(s => s.Id == session.Id).ExecuteDeleteAsync(cancellationToken);
    }
}
