using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Interoffice.Web.Features.Consent;

/// <summary>
/// Reads and writes the consent cookie. Its value is encrypted and signed with Data Protection, so it cannot be
/// forged or altered unnoticed. Whatever is wrong with it (missing, malformed, tampered, expired, made for another
/// version of the policy) reads as "no choice yet", never as an error.
/// </summary>
public sealed partial class ConsentCookie(IDataProtectionProvider dataProtection, IOptions<ConsentOptions> options, TimeProvider time) : IDisposable
{
    public const string Name = "io.consent";

    // A clock a few minutes ahead on another instance must not void a fresh choice.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly IDataProtector protector = dataProtection.CreateProtector("Interoffice.Consent.Cookie.v1");

    // A returning visitor sends the same cookie with every page: its decrypted payload is kept for a while, so that
    // only the first page pays for the cryptography. Only genuine cookies get in (a forged one fails to decrypt).
    private readonly MemoryCache unprotected = new(new MemoryCacheOptions { SizeLimit = 20_000 });

    public string Protect(ConsentChoice choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        var payload = new Payload(
            choice.ConsentId,
            choice.PolicyVersion,
            [.. choice.Granted.Order().Select(c => c.Key())],
            choice.DecidedAt.ToUnixTimeSeconds(),
            choice.Method,
            choice.StatementVersion);
        return protector.Protect(JsonSerializer.Serialize(payload, PayloadContext.Default.Payload));
    }

    /// <summary>The choice in the cookie, or null when there is no valid, current one.</summary>
    public ConsentChoice? Read(string? value, string currentPolicyVersion) => Read(value, currentPolicyVersion, out _);

    /// <summary>
    /// The choice in the cookie, or null when there is no valid, current one. <paramref name="outdated"/> is a choice
    /// that was valid but made against an earlier policy: the visitor is asked again, and told why.
    /// </summary>
    public ConsentChoice? Read(string? value, string currentPolicyVersion, out ConsentChoice? outdated)
    {
        outdated = null;
        if (string.IsNullOrEmpty(value) || value.Length > 4096)
        {
            return null;
        }

        if (!unprotected.TryGetValue(value, out Payload? payload))
        {
            try
            {
                payload = JsonSerializer.Deserialize(protector.Unprotect(value), PayloadContext.Default.Payload);
            }
            catch (Exception ex) when (ex is CryptographicException or JsonException or FormatException or NotSupportedException)
            {
                return null;
            }

            unprotected.Set(value, payload, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10) });
        }

        if (payload is null || string.IsNullOrEmpty(payload.Id) || payload.Granted is null || string.IsNullOrEmpty(payload.Version))
        {
            return null;
        }

        var granted = new HashSet<ConsentCategory>();
        foreach (var key in payload.Granted)
        {
            if (!ConsentCategories.TryParse(key, out var category) || category == ConsentCategory.Functional)
            {
                return null;
            }

            granted.Add(category);
        }

        var choice = new ConsentChoice(payload.Id, payload.Version, granted, DateTimeOffset.FromUnixTimeSeconds(payload.At), payload.Method, payload.Statement);
        var now = time.GetUtcNow();
        if (choice.DecidedAt > now + ClockSkew || ExpiresAt(choice) <= now)
        {
            return null;
        }

        if (payload.Version != currentPolicyVersion)
        {
            outdated = choice;
            return null;
        }

        return choice;
    }

    /// <summary>A choice that accepts anything lasts longer than a full rejection.</summary>
    public DateTimeOffset ExpiresAt(ConsentChoice choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        return choice.DecidedAt.AddMonths(choice.AcceptsAnything ? options.Value.AcceptedLifetimeMonths : options.Value.RejectedLifetimeMonths);
    }

    public void Write(HttpResponse response, ConsentChoice choice)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Append(Name, Protect(choice), new CookieOptions
        {
            Expires = ExpiresAt(choice),
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = response.HttpContext.Request.IsHttps,
            Path = "/",
        });
    }

    public void Dispose() => unprotected.Dispose();

    internal sealed record Payload(
        [property: JsonPropertyName("i")] string Id,
        [property: JsonPropertyName("v")] string Version,
        [property: JsonPropertyName("g")] string[] Granted,
        [property: JsonPropertyName("t")] long At,
        [property: JsonPropertyName("m")] ConsentMethod Method,
        [property: JsonPropertyName("s")] string? Statement = null);

    [JsonSerializable(typeof(Payload))]
    [JsonSourceGenerationOptions(UseStringEnumConverter = true)]
    internal sealed partial class PayloadContext : JsonSerializerContext;
}
