using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Interoffice.Web.Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Features.Newsletter;

/// <summary>
/// The newsletter's key: made once, stored sealed by Data Protection (<see cref="NewsletterSecret"/>), held in memory
/// after the first use. It makes an unsubscribe link that needs no stored secret, and the keyed hash an unsubscribed
/// address leaves behind.
/// </summary>
public sealed class NewsletterKeys(IDataProtectionProvider protection, IServiceScopeFactory scopes) : IDisposable
{
    private readonly IDataProtector sealer = protection.CreateProtector("Interoffice.Newsletter.Key.v1");
    private readonly SemaphoreSlim loading = new(1, 1);
    private byte[]? key;

    /// <summary>
    /// Loads (or makes) the key now: before a caller's transaction, since making it writes through a connection of its
    /// own, which would wait for that transaction's lock on SQLite.
    /// </summary>
    public Task LoadAsync(CancellationToken cancellationToken) => KeyAsync(cancellationToken);

    /// <summary>The keyed hash (HMAC-SHA256, hex) of a normalized address.</summary>
    public async Task<string> AddressHashAsync(string normalizedAddress, CancellationToken cancellationToken) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(await KeyAsync(cancellationToken), Encoding.UTF8.GetBytes("address:" + normalizedAddress)));

    /// <summary>The subscriber's unsubscribe token: their id and 16 bytes of its HMAC, in base64url. The same in every newsletter.</summary>
    public async Task<string> UnsubscribeTokenAsync(Guid subscriber, CancellationToken cancellationToken)
    {
        var id = subscriber.ToByteArray();
        var mac = Mac(await KeyAsync(cancellationToken), id);
        return Base64Url.EncodeToString([.. id, .. mac]);
    }

    /// <summary>The subscriber an unsubscribe token names, or null when it is not one this site made.</summary>
    public async Task<Guid?> SubscriberOfAsync(string? token, CancellationToken cancellationToken)
    {
        var bytes = new byte[32];
        if (string.IsNullOrEmpty(token) || token.Length != Base64Url.GetEncodedLength(bytes.Length)
            || Base64Url.DecodeFromChars(token, bytes, out _, out var written) != System.Buffers.OperationStatus.Done || written != bytes.Length)
        {
            return null;
        }

        var mac = Mac(await KeyAsync(cancellationToken), bytes[..16]);
        return CryptographicOperations.FixedTimeEquals(mac, bytes.AsSpan(16)) ? new Guid(bytes.AsSpan(0, 16)) : null;
    }

    public void Dispose() => loading.Dispose();

    private static byte[] Mac(byte[] key, byte[] id) => HMACSHA256.HashData(key, (byte[])[.. "unsubscribe:"u8, .. id])[..16];

    private async Task<byte[]> KeyAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref key) is { } known)
        {
            return known;
        }

        await loading.WaitAsync(cancellationToken);
        try
        {
            key ??= await LoadOrMakeAsync(cancellationToken);
            return key;
        }
        finally
        {
            loading.Release();
        }
    }

    // In a scope of its own: the caller's unit of work is left as it was.
    private async Task<byte[]> LoadOrMakeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        var stored = await db.Set<NewsletterSecret>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == NewsletterSecret.TheOne, cancellationToken);
        if (stored is not null)
        {
            return sealer.Unprotect(Convert.FromBase64String(stored.Sealed));
        }

        var made = RandomNumberGenerator.GetBytes(32);
        try
        {
            db.Add(new NewsletterSecret { Sealed = Convert.ToBase64String(sealer.Protect(made)) });
            await db.SaveChangesAsync(cancellationToken);
            return made;
        }
        catch (DbUpdateException)
        {
            // Another instance made it first: its key is the one.
            db.ChangeTracker.Clear();
            stored = await db.Set<NewsletterSecret>().AsNoTracking().FirstAsync(s => s.Id == NewsletterSecret.TheOne, cancellationToken);
            return sealer.Unprotect(Convert.FromBase64String(stored.Sealed));
        }
    }
}
