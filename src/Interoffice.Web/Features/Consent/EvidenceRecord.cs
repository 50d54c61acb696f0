namespace Interoffice.Web.Features.Consent;

/// <summary>
/// One record of the evidence file: its fields for reading; the exact texts its hashes cover (<see cref="ContentInput"/>
/// and <see cref="HashInput"/>); its <see cref="Position"/> in the log; and the content hashes of the records after it
/// up to the signed <see cref="Head"/> that covers it (<see cref="Path"/>). A record from before signing has no head.
/// </summary>
public sealed record EvidenceRecord(
    long Id,
    long Position,
    string RecordedAt,
    string PolicyVersion,
    string Method,
    string MethodLabel,
    bool? Analytics,
    bool? Tracking,
    bool? Social,
    bool? Advertising,
    bool GlobalPrivacyControl,
    string BrowserFamily,
    int Format,
    string? ContentInput,
    string? ContentHash,
    string? PreviousHash,
    string? HashInput,
    string? Hash,
    IReadOnlyList<string> Path,
    EvidenceHead? Head);
