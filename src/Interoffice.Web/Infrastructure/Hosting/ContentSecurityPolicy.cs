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
    // A page that allows no third party and no inline script; a response only notes what it adds to these.
    private static readonly (string Directive, string[] Sources)[] Defaults =
    [
        ("base-uri", ["'self'"]),
        ("connect-src", ["'self'"]),
        ("default-src", ["'self'"]),
        ("font-src", ["'self'"]),
        ("form-action", ["'self'"]),
        ("frame-ancestors", ["'none'"]),
        ("frame-src", ["'none'"]),
        ("img-src", ["'self'", "data:"]),
        ("object-src", ["'none'"]),
        ("script-src", ["'self'"]),
        ("style-src", ["'self'"]),
    ];

    private static readonly string Unchanged = Build([]);

    // The same few widenings (a consent state's hosts and hashes) come back on every page: each policy text is built
    // once. Bounded, in case a caller ever widens by something that varies.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Widenings, string> Built = new();
    private const int MaxBuilt = 256;

    private List<(string Directive, string Source)>? added;

    /// <summary>The CSP hash sources of every inline script (a script element without src) in a piece of markup.</summary>
    public static IReadOnlyList<string> HashesOfInlineScripts(string markup)
    {
        ArgumentNullException.ThrowIfNull(markup);
        return [.. InlineScript().Matches(markup).Select(m => HashSource(m.Groups[1].Value))];
    }

    /// <summary>The source that allows one inline script, by the hash of its exact text.</summary>
    public static string HashSource(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        return $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)))}'";
    }

    [System.Text.RegularExpressions.GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>(.*?)</script>", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex InlineScript();

    /// <summary>Adds sources to a directive; <c>'none'</c> gives way to the first real source.</summary>
    public void Allow(string directive, params string[] sources)
    {
        ArgumentNullException.ThrowIfNull(directive);
        ArgumentNullException.ThrowIfNull(sources);
        added ??= [];
        foreach (var source in sources)
        {
            added.Add((directive, source));
        }
    }

    public IReadOnlyList<string> SourcesOf(string directive) =>
        Merge(added ?? []).FirstOrDefault(d => d.Directive == directive).Sources ?? [];

    public override string ToString()
    {
        if (added is null)
        {
            return Unchanged;
        }

        var key = new Widenings(added);
        if (Built.TryGetValue(key, out var header))
        {
            return header;
        }

        header = Build(added);
        if (Built.Count < MaxBuilt)
        {
            Built.TryAdd(new Widenings([.. added]), header);
        }

        return header;
    }

    private static string Build(List<(string Directive, string Source)> added)
    {
        var header = new StringBuilder();
        foreach (var (name, sources) in Merge(added))
        {
            header.Append(name).Append(' ').AppendJoin(' ', sources).Append("; ");
        }

        return header.ToString().TrimEnd(' ', ';');
    }

    /// <summary>The defaults with the added sources, directives in name order, each source once.</summary>
    private static IEnumerable<(string Directive, List<string> Sources)> Merge(List<(string Directive, string Source)> added)
    {
        var directives = new SortedDictionary<string, List<string>>(Defaults.ToDictionary(d => d.Directive, d => d.Sources.ToList()), StringComparer.Ordinal);
        foreach (var (directive, source) in added)
        {
            if (!directives.TryGetValue(directive, out var list))
            {
                directives[directive] = list = [];
            }

            list.Remove("'none'");
            if (!list.Contains(source))
            {
                list.Add(source);
            }
        }

        return directives.Select(d => (d.Key, d.Value));
    }

    /// <summary>A list of widenings compared by its content, as the key of a built policy.</summary>
    private sealed class Widenings(List<(string Directive, string Source)> items) : IEquatable<Widenings>
    {
        private readonly List<(string Directive, string Source)> items = items;

        public bool Equals(Widenings? other) => other is not null && items.SequenceEqual(other.items);

        public override bool Equals(object? obj) => Equals(obj as Widenings);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            foreach (var item in items)
            {
                hash.Add(item);
            }

            return hash.ToHashCode();
        }
    }
}
