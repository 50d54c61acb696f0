namespace Interoffice.Web.Features.Consent;

/// <summary>
/// The proof of one choice (GDPR art. 7(1)): appended, never changed. A category is true (granted), false
/// (refused) or null (not offered at the time). No IP address is kept, only the browser family. The policy version is
/// the hash of the <see cref="StoredSnapshot"/> the visitor chose under; <see cref="Hash"/> seals this record together
/// with the previous record's hash (see <see cref="ConsentChain"/>).
/// </summary>
public sealed class ConsentRecord
{
    public long Id { get; set; }

    /// <summary>How <see cref="Hash"/> is made (see <see cref="ConsentChain"/>): 1 for records written by 1.0, 2 since the log is signed.</summary>
    public int Format { get; set; } = ConsentChain.CurrentFormat;

    public required string ConsentId { get; set; }

    /// <summary>When the choice was made, in UTC.</summary>
    public DateTime RecordedAt { get; set; }

    public required string PolicyVersion { get; set; }

    public ConsentMethod Method { get; set; }

    public bool? Analytics { get; set; }

    public bool? Tracking { get; set; }

    public bool? Social { get; set; }

    public bool? Advertising { get; set; }

    /// <summary>The browser sent Global Privacy Control with the choice.</summary>
    public bool GlobalPrivacyControl { get; set; }

    public required string BrowserFamily { get; set; }

    /// <summary>
    /// The hash of the record before this one in the log (or of the last one retention removed). The site always sets
    /// it and <see cref="Hash"/>; the columns allow NULL so that a record stripped of its seal is read and named as a break.
    /// </summary>
    public string? PreviousHash { get; set; }

    /// <summary>SHA-256 of this record's link: its content's hash together with <see cref="PreviousHash"/>.</summary>
    public string? Hash { get; set; }
}
