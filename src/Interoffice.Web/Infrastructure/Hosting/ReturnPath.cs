using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Interoffice.Web.Infrastructure.Hosting;

/// <summary>
/// Where the site sends a browser back to after a form (sign-in, a cookie choice): a path on this site, never more.
/// A query is dropped, and a path that looks as if it carries personal data (an e-mail address, a phone number, or
/// what a feature registered in <see cref="ReturnPathOptions"/>) is not repeated at all, so it never reaches a Location
/// header, a form action or a link. A fragment (the anchor of an embedded video) is kept under the same rule.
/// </summary>
public static partial class ReturnPath
{
    /// <summary>The return address the browser gave, cut to its path, or <paramref name="fallback"/>.</summary>
    public static string ReturnPathOr(this ControllerBase controller, string? returnUrl, string fallback)
    {
        ArgumentNullException.ThrowIfNull(controller);
        if (string.IsNullOrEmpty(returnUrl) || !controller.Url.IsLocalUrl(returnUrl))
        {
            return fallback;
        }

        var hash = returnUrl.IndexOf('#', StringComparison.Ordinal);
        var query = returnUrl.IndexOf('?', StringComparison.Ordinal);
        var end = query >= 0 && (hash < 0 || query < hash) ? query : hash >= 0 ? hash : returnUrl.Length;
        var fragment = hash >= 0 ? returnUrl[(hash + 1)..] : "";
        if (!returnUrl.StartsWith('/') || !controller.HttpContext.IsPlain(returnUrl[..end]) || !controller.HttpContext.IsPlain(fragment))
        {
            return fallback;
        }

        // Written out as a header may carry it (a path typed with é is escaped), with an anchor only if it is a plain name.
        var path = PathString.FromUriComponent(returnUrl[..end]).ToUriComponent();
        return Anchor().IsMatch(fragment) ? $"{path}#{fragment}" : path;
    }

    /// <summary>What a form's or redirect's address adds to carry <paramref name="back"/>: nothing when it is <paramref name="home"/>.</summary>
    public static string Query(string back, string home) => back == home ? "" : $"?terug={Uri.EscapeDataString(back)}";

    /// <summary>Whether a path holds nothing that looks like personal data (an id the site made, registered as such, is fine).</summary>
    public static bool IsPlain(this HttpContext context, string path)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(path);
        var rules = context.RequestServices.GetRequiredService<IOptions<ReturnPathOptions>>().Value;

        // Decoded as often as it was encoded (%2540 is an @ too).
        var decoded = path;
        for (var i = 0; i < 4 && decoded.Contains('%', StringComparison.Ordinal); i++)
        {
            decoded = Uri.UnescapeDataString(decoded);
        }

        var withoutOwnIds = Id().Replace(decoded, id =>
            rules.RandomIdPaths.Any(p => decoded.AsSpan(0, id.Index).EndsWith(p, StringComparison.OrdinalIgnoreCase)) ? "" : id.Value);
        return !decoded.Contains('%', StringComparison.Ordinal)
            && !Personal().IsMatch(withoutOwnIds)
            && !rules.PersonalData.Exists(pattern => pattern.IsMatch(withoutOwnIds));
    }

    // An @, or eight digits or more (a phone number, with or without separators).
    [GeneratedRegex(@"@|\d(?:[ \-.()/+]*\d){7,}", RegexOptions.CultureInvariant)]
    private static partial Regex Personal();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Id();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex Anchor();
}
