namespace Interoffice.Web.Features.MyData;

/// <summary>
/// A visitor's look at their own data, opened by a link from their mail: it lasts a fixed time, in the one browser
/// whose cookie holds its secret (only the hash is kept here).
/// </summary>
public sealed class AccessSession
{
    private AccessSession()
    {
    }

    public Guid Id { get; private set; }

    public string SecretHash { get; private set; } = "";

    public string NormalizedEmail { get; private set; } = "";

    public DateTime StartedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public static AccessSession Start(string normalized, string secretHash, DateTime now, TimeSpan lasts) => new()
    {
        Id = Guid.NewGuid(),
        SecretHash = secretHash,
        NormalizedEmail = normalized,
        StartedAt = now,
        ExpiresAt = now + lasts,
    };
}
