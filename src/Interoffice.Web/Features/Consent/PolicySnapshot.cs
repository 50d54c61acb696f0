using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Interoffice.Web.Features.Privacy;
using Interoffice.Web.Infrastructure.Hosting;

namespace Interoffice.Web.Features.Consent;

/// <summary>
/// Everything a visitor was shown when choosing: the categories and their descriptions, every enabled service with its
/// cookies, the texts of the banner, the settings and the video placeholder, the cookie policy's revision and the
/// privacy statement in force (its version and the SHA-256 of its exact text). Its SHA-256 is the policy version.
/// (<see cref="ConsentPolicy"/> is the one in force now, with its hash; <see cref="StoredSnapshot"/> is one as stored.)
/// </summary>
public sealed record PolicySnapshot(
    int Format,
    string Revision,
    SnapshotStatement PrivacyStatement,
    IReadOnlyList<SnapshotCategory> Categories,
    IReadOnlyList<SnapshotService> Services,
    IReadOnlyList<SnapshotCookie> FunctionalCookies,
    ConsentTexts Texts)
{
    public const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions Canonical = new(JsonSerializerDefaults.Web)
    {
        // Dutch text stays readable in the stored JSON; the output is the same on every run and instance.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
        TypeInfoResolver = PolicySnapshotJsonContext.Default,
    };

    /// <summary>The canonical JSON: properties in declaration order, no whitespace, UTF-8.</summary>
    public string ToCanonicalJson() => JsonSerializer.Serialize(this, Canonical);

    /// <summary>Reads a stored snapshot; null for one that is not JSON of this shape.</summary>
    public static PolicySnapshot? FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<PolicySnapshot>(json, Canonical);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Every part a reader shows is there (a changed or future-format snapshot may lack some).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsReadable =>
        Format == CurrentFormat && Revision is not null && PrivacyStatement is { Version: not null, LastModified: not null, Sha256: not null }
        && Categories is not null && Categories.All(c => c is { Key: not null, Label: not null, Description: not null })
        && Services is not null && Services.All(s => s is { Name: not null, Provider: not null, Purpose: not null, Cookies: not null, Category: not null })
        && FunctionalCookies is not null
        && Texts is { Banner: not null, Settings: { ServicesPerCategory: not null } };

    public static string HashOf(string canonicalJson) => Sha256Hex.Of(canonicalJson);

    public static PolicySnapshot Of(EnabledServices services, PrivacyStatementDocument statement, string revision, ConsentTexts texts)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(statement);
        return new PolicySnapshot(
            CurrentFormat,
            revision,
            new SnapshotStatement(statement.Version, statement.LastModified.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), statement.Title, statement.Sha256),
            [.. new[] { ConsentCategory.Functional }.Concat(services.Offered).Select(c => c.Info())
                .Select(i => new SnapshotCategory(i.Key, i.Label, i.Description, i.Category == ConsentCategory.Functional))],
            [.. services.All.Select(e => e.Service).Select(s => new SnapshotService(
                s.Key, s.Name, s.Category.Key(), s.Provider, s.Purpose, s.PrivacyPolicy.ToString(), [.. s.Cookies.Select(SnapshotCookie.Of)]))],
            [.. ServiceRegistry.FunctionalCookies.Select(SnapshotCookie.Of)],
            texts);
    }
}
