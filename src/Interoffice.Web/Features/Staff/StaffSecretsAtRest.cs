using Interoffice.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Features.Staff;

/// <summary>
/// Rewrites the two-step secrets that 1.0 stored in plain text (authenticator keys, recovery codes) the way
/// <see cref="StaffUserStore"/> keeps them, at the first retention round after an upgrade; after that it finds none.
/// </summary>
public sealed class StaffSecretsAtRest(SiteDbContext db, UserManager<StaffUser> users, StaffUserStore store) : IRetentionTask
{
    public string Name => "plain-text two-step secrets";

    public async Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var plain = (await db.Set<IdentityUserToken<string>>().AsNoTracking()
                .Where(t => t.LoginProvider == StaffUserStore.Provider && (t.Name == StaffUserStore.AuthenticatorKeyName || t.Name == StaffUserStore.RecoveryCodesName))
                .ToListAsync(cancellationToken))
            .Where(StaffUserStore.IsPlain)
            .ToList();
        foreach (var token in plain)
        {
            var user = await users.FindByIdAsync(token.UserId);
            if (user is null)
            {
                continue;
            }

            if (token.Name == StaffUserStore.AuthenticatorKeyName)
            {
                await store.SetAuthenticatorKeyAsync(user, token.Value!, cancellationToken);
            }
            else
            {
                await store.ReplaceCodesAsync(user, token.Value!.Split(';', StringSplitOptions.RemoveEmptyEntries), cancellationToken);
            }

            await users.UpdateAsync(user);
        }

        return plain.Count;
    }
}
