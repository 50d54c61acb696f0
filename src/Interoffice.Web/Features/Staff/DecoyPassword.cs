using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Interoffice.Web.Features.Staff;

/// <summary>
/// A password hash made once at start, checked against for an address that has no account, so that its sign-in costs
/// the same hashing as a real account's. Made while the site starts, not at the first unknown address (which would
/// otherwise pay for two hashes).
/// </summary>
public sealed class DecoyPassword : IHostedService
{
    // Identity's hasher with the site's options (Identity registers its own per request).
    private readonly PasswordHasher<StaffUser> hasher;
    private readonly Lazy<string> hash;

    public DecoyPassword(IOptions<PasswordHasherOptions> options)
    {
        hasher = new PasswordHasher<StaffUser>(options);
        hash = new Lazy<string>(() => hasher.HashPassword(new StaffUser(), RandomNumberGenerator.GetHexString(32)));
    }

    /// <summary>Does the same work as checking a real password, and fails.</summary>
    public bool Verify(string password)
    {
        hasher.VerifyHashedPassword(new StaffUser(), hash.Value, password);
        return false;
    }

    Task IHostedService.StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(() => hash.Value, CancellationToken.None);
        return Task.CompletedTask;
    }

    Task IHostedService.StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
