using System.Globalization;
using System.Text.Json;
using Interoffice.Web.Infrastructure.Hosting;

namespace Interoffice.Web.Features.Consent;

/// <summary>
/// The consent log as a hash chain: each record's hash covers its content and the previous record's hash, so a changed,
/// inserted or removed record breaks every link after it. Every input is a compact JSON array of ASCII text anyone can
/// rebuild (docs/consent-log.md). Format 2 hashes the content apart from the link, so that the path from one record to
/// a signed head shows the following records' content hashes, never their content.
/// </summary>
public static class ConsentChain
{
    /// <summary>The "previous hash" of the very first record.</summary>
    public static readonly string Genesis = new('0', 64);

    public const int CurrentFormat = 2;

    /// <summary>Format 1 (version 1.0): one array of the format, the previous hash and the fields.</summary>
    public const string InputFormat = "interoffice-consent-record/1";

    public const string ContentFormat = "interoffice-consent-record/2";

    public const string LinkFormat = "interoffice-consent-link/2";

    /// <summary>The exact text whose SHA-256 is the record's hash.</summary>
    public static string HashInput(ConsentRecord record, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Format == 1
            ? Json([InputFormat, previousHash, .. Fields(record)])
            : LinkInput(previousHash, ContentHash(record));
    }

    /// <summary>Format 2: the record's own fields, hashed apart from its place in the log.</summary>
    public static string ContentInput(ConsentRecord record) => Json([ContentFormat, .. Fields(record)]);

    public static string ContentHash(ConsentRecord record) => Sha256(ContentInput(record));

    public static string LinkInput(string previousHash, string contentHash) => Json([LinkFormat, previousHash, contentHash]);

    public static string HashOf(ConsentRecord record, string previousHash) => Sha256(HashInput(record, previousHash));

    /// <summary>Sets the record's place in the chain after <paramref name="previousHash"/>.</summary>
    public static void Seal(ConsentRecord record, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(record);
        record.PreviousHash = previousHash;
        record.Hash = HashOf(record, previousHash);
    }

    /// <summary>How every time in a hashed or signed text is written: UTC to the second.</summary>
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public static string TimeText(DateTime utc) => Seconds(utc).ToString(TimeFormat, CultureInfo.InvariantCulture);

    /// <summary>Records are kept to the second: the stored value and the hashed value are the same on every provider.</summary>
    public static DateTime Seconds(DateTime value) => new(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);

    public static string Sha256(string text) => Sha256Hex.Of(text);

    private static object?[] Fields(ConsentRecord record) =>
    [
        record.ConsentId,
        TimeText(record.RecordedAt),
        record.PolicyVersion,
        record.Method.ToString(),
        record.Analytics,
        record.Tracking,
        record.Social,
        record.Advertising,
        record.GlobalPrivacyControl,
        record.BrowserFamily,
    ];

    private static string Json(object?[] fields) => JsonSerializer.Serialize(fields);
}
