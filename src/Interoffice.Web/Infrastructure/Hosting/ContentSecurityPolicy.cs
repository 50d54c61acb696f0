using System.Security.Cryptography;
using System.Text;

namespace Interoffice.Web.Infrastructure.Hosting;

/// <summary>
/// The Content-Security-Policy of one response. Built per request so that a feature (consent) can allow a third-party
/// host, and the inline scripts it renders (by their SHA-256), only on the responses where they may run; written when
/// the response starts. No nonce: a page is the same for every visitor in the same consent state, so it can be cached.
/// </summary>
public sealed partial class ContentSecurityPolicy
{
    // The policy of a page that allows no third party and no inline script.
    private static readonly string Unchanged = new ContentSecurityPolicy().Build();

    private readonly SortedDictionary<string, List<string>> directives = new(StringComparer.Ordinal);
    private bool changed;

    public ContentSecurityPolicy()
    {
        Set("default-src", "'self'");
        Set("script-src", "'self'");
        Set("style-src", "'self'");
        Set("img-src", "'self'", "data:");
        Set("font-src", "'self'");
        Set("connect-src", "'self'");
        Set("frame-src", "'none'");
        Set("object-src", "'none'");
        Set("base-uri", "'self'");
        Set("form-action", "'self'");
        Set("frame-ancestors", "'none'");
    }

    /// <summary>Allows one inline script, by the hash of its exact text.</summary>
    public void AllowInlineScript(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        Allow("script-src", HashSource(script));
    }

    /// <summary>The CSP hash sources of every inline script (a script element without src) in a piece of markup.</summary>
    public static IReadOnlyList<string> HashesOfInlineScripts(string markup)
    {
        ArgumentNullException.ThrowIfNull(markup);
        return [.. InlineScript().Matches(markup).Select(m => HashSource(m.Groups[1].Value))];
    }

    private static string HashSource(string script) => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)))}'";

    [System.Text.RegularExpressions.GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>(.*?)</script>", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex InlineScript();

    /// <summary>Adds sources to a directive; <c>'none'</c> gives way to the first real source.</summary>
    public void Allow(string directive, params string[] sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        changed = true;
        if (!directives.TryGetValue(directive, out var list))
        {
            directives[directive] = [.. sources];
            return;
        }

        list.Remove("'none'");
        foreach (var source in sources)
        {
            if (!list.Contains(source))
            {
                list.Add(source);
            }
        }
    }

    public IReadOnlyList<string> SourcesOf(string directive) =>
        directives.TryGetValue(directive, out var list) ? list : [];

    public override string ToString() => changed ? Build() : Unchanged;

    private string Build()
    {
        var header = new StringBuilder();
        foreach (var (name, sources) in directives)
        {
            header.Append(name).Append(' ').AppendJoin(' ', sources).Append("; ");
        }

        return header.ToString().TrimEnd(' ', ';');
    }

    private void Set(string directive, params string[] sources) => directives[directive] = [.. sources];
}
