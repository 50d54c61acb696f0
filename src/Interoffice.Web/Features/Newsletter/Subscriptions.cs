using Interoffice.Web.Features.Privacy;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Email;
using Interoffice.Web.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Features.Newsletter;

/// <summary>
/// The one owner of newsletter subscriptions: signing up (double opt-in), confirming and unsubscribing. Every mail it
/// sends is queued in the same transaction as the change it is about.
/// </summary>
public sealed class Subscriptions(SiteDbContext db, Outbox outbox, NewsletterKeys keys, PrivacyStatementProvider statement, TimeProvider time)
{
    private static readonly TimeSpan ConfirmationEvery = TimeSpan.FromHours(1);
    private static readonly TimeSpan NoticeEvery = TimeSpan.FromDays(1);

    public async Task<SignUpOutcome> SignUpAsync(string email, SignUpSource source, string? addedBy, string baseUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var address = email.Trim();
        var normalized = EmailAddresses.Normalize(address);
        var now = time.GetUtcNow().UtcDateTime;
        if (source == SignUpSource.Staff && await IsUnsubscribedAsync(normalized, cancellationToken))
        {
            return SignUpOutcome.Unsubscribed;
        }

        var wording = await WordingAsync(now, cancellationToken);
        var subscriber = await db.Set<Subscriber>().FirstOrDefaultAsync(s => s.NormalizedEmail == normalized, cancellationToken);
        SignUpOutcome outcome;
        if (subscriber is null)
        {
            subscriber = Subscriber.SignUp(address, normalized, source, addedBy, wording, now);
            db.Add(subscriber);
            outbox.Queue(NewsletterMails.Confirmation(subscriber, subscriber.NewConfirmationToken(now), baseUrl));
            outcome = SignUpOutcome.ConfirmationSent;
        }
        else if (subscriber.LastSignUpMailAt is { } last && now - last < (subscriber.IsConfirmed ? NoticeEvery : ConfirmationEvery))
        {
            return SignUpOutcome.HeldBack;
        }
        else if (!subscriber.IsConfirmed)
        {
            subscriber.SignUpAgain(source, addedBy, wording, now);
            outbox.Queue(NewsletterMails.Confirmation(subscriber, subscriber.NewConfirmationToken(now), baseUrl));
            outcome = SignUpOutcome.ConfirmationSent;
        }
        else
        {
            subscriber.NoticeSent(now);
            var unsubscribe = NewsletterMails.UnsubscribeUrl(baseUrl, await keys.UnsubscribeTokenAsync(subscriber.Id, cancellationToken));
            outbox.Queue(NewsletterMails.AlreadySubscribed(subscriber, unsubscribe));
            outcome = SignUpOutcome.AlreadySubscribed;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (outcome == SignUpOutcome.ConfirmationSent)
        {
            // The same address signed up at the same moment elsewhere: that sign-up's mail is the one.
            db.ChangeTracker.Clear();
            return SignUpOutcome.HeldBack;
        }

        return outcome;
    }

    public async Task<ConfirmOutcome> ConfirmAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64)
        {
            return ConfirmOutcome.Unknown;
        }

        var hash = Subscriber.HashOf(token);
        var subscriber = await db.Set<Subscriber>().FirstOrDefaultAsync(s => s.TokenHash == hash, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        if (subscriber is null)
        {
            return ConfirmOutcome.Unknown;
        }

        if (subscriber.TokenExpiresAt < now)
        {
            return ConfirmOutcome.Expired;
        }

        subscriber.Confirm(now);

        // The person asked again themselves: an earlier unsubscription no longer stands in the way. Both or neither.
        var unsubscribed = await keys.AddressHashAsync(subscriber.NormalizedEmail, cancellationToken);
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            await db.Set<UnsubscribedAddress>().Where(u => u.AddressHash == unsubscribed).ExecuteDeleteAsync(token);
            await db.SaveChangesAsync(token);
            await transaction.CommitAsync(token);
        }, cancellationToken);
        return ConfirmOutcome.Confirmed;
    }

    /// <summary>
    /// Unsubscribes whoever the link names: the address and its mails are deleted, and only a keyed hash and the day
    /// are kept. False for a link this site did not make; true also when the address had already gone.
    /// </summary>
    public async Task<bool> UnsubscribeAsync(string? token, CancellationToken cancellationToken)
    {
        if (await keys.SubscriberOfAsync(token, cancellationToken) is not { } id)
        {
            return false;
        }

        var normalized = await db.Set<Subscriber>().Where(s => s.Id == id).Select(s => s.NormalizedEmail).FirstOrDefaultAsync(cancellationToken);
        if (normalized is null)
        {
            return true;
        }

        var hash = await keys.AddressHashAsync(normalized, cancellationToken);
        var today = DutchTime.Day(time.GetUtcNow().UtcDateTime);
        await db.DeleteInTransactionAsync(
            token => outbox.DeleteAboutAsync(db.Set<Subscriber>().Where(s => s.Id == id).Select(s => (Guid?)s.Id), async t =>
            {
                var deleted = await db.Set<Subscriber>().Where(s => s.Id == id).ExecuteDeleteAsync(t);
                if (deleted > 0 && !await db.Set<UnsubscribedAddress>().AnyAsync(u => u.AddressHash == hash, t))
                {
                    db.Add(new UnsubscribedAddress { AddressHash = hash, UnsubscribedOn = today });
                    await db.SaveChangesAsync(t);
                }

                return deleted;
            }, token),
            cancellationToken);
        return true;
    }

    public async Task<bool> IsUnsubscribedAsync(string normalized, CancellationToken cancellationToken)
    {
        var hash = await keys.AddressHashAsync(normalized, cancellationToken);
        return await db.Set<UnsubscribedAddress>().AnyAsync(u => u.AddressHash == hash, cancellationToken);
    }

    // The wording this sign-up showed, stored the first time it is used.
    private async Task<string> WordingAsync(DateTime now, CancellationToken cancellationToken)
    {
        var text = SignUpText.Snapshot(statement.Version);
        var sha = SignUpText.Sha256(text);
        if (!await db.Set<SignUpWording>().AnyAsync(w => w.Sha256 == sha, cancellationToken))
        {
            db.Add(new SignUpWording { Sha256 = sha, Text = text, FirstUsedAt = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Stored by another sign-up at the same moment.
                db.ChangeTracker.Clear();
            }
        }

        return sha;
    }
}
