namespace Interoffice.Web.Features.Consent;

/// <summary>The browser family for the proof of consent: enough to explain a record, too little to identify anyone.</summary>
public static class BrowserFamily
{
    public static string Of(string? userAgent) => userAgent switch
    {
        null or "" => "Onbekend",
        _ when userAgent.Contains("Edg/", StringComparison.Ordinal) => "Edge",
        _ when userAgent.Contains("OPR/", StringComparison.Ordinal) => "Opera",
        _ when userAgent.Contains("Firefox/", StringComparison.Ordinal) => "Firefox",
        _ when userAgent.Contains("Chrome/", StringComparison.Ordinal) || userAgent.Contains("Chromium/", StringComparison.Ordinal) => "Chrome",
        _ when userAgent.Contains("Safari/", StringComparison.Ordinal) => "Safari",
        _ => "Overig",
    };
}
