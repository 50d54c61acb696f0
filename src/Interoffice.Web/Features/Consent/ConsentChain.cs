using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Interoffice.Web.Features.Consent;

/// <summary>
/// The consent log as a hash chain: each record's hash covers its content and the previous record's hash, so a changed,
/// inserted or removed record breaks every link after it. The input of a hash is a JSON array anyone can rebuild
/// (see <see cref="HashInput"/>); the evidence file carries it verbatim.
/// </summary>
public static class ConsentChain
{
    /// <summary>The "previous hash" of the very first record.</summary>
    public static readonly string Genesis = new('0', 64);

    public const string InputFormat = "interoffice-consent-record/1";

    /// <summary>The exact text that is hashed: format, previous hash, then every field of the record in a fixed order.</summary>
    public static string HashInput(ConsentRecord record, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(record);
        object?[] fields =
        [
            InputFormat,
            previousHash,
            record.ConsentId,
            Seconds(record.RecordedAt).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            record.PolicyVersion,
            record.Method.ToString(),
            record.Analytics,
            record.Tracking,
            record.Social,
            record.Advertising,
            record.GlobalPrivacyControl,
            record.BrowserFamily,
        ];
        return JsonSerializer.Serialize(fields);
    }

    public static string HashOf(ConsentRecord record, string previousHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(HashInput(record, previousHash))));

    /// <summary>Sets the record's place in the chain after <paramref name="previousHash"/>.</summary>
    public static void Seal(ConsentRecord record, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(record);
        record.PreviousHash = previousHash;
        record.Hash = HashOf(record, previousHash);
    }

    /// <summary>Records are kept to the second: the stored value and the hashed value are the same on every provider.</summary>
    public static DateTime Seconds(DateTime value) => new(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
}
