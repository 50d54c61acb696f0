using Interoffice.Web.Infrastructure.Hosting;

namespace Interoffice.Web.Areas.Beheer.Features.ConsentFigures;

/// <summary>How the figures read: whole percentages ("62%") and Dutch numbers.</summary>
public static class FigureText
{
    /// <summary>A share as a whole percentage, "62%"; "–" for a category that was not offered.</summary>
    public static string Percent(double? share) =>
        share is { } value ? Math.Round(value * 100, MidpointRounding.AwayFromZero).ToString("0", DutchTime.Culture) + "%" : "–";

    public static string Number(int value) => value.ToString("N0", DutchTime.Culture);

    /// <summary>Policy versions may be a 64-character hash: shown by their first 12 characters.</summary>
    public static string ShortVersion(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return version.Length > 16 ? version[..12] + "…" : version;
    }
}
