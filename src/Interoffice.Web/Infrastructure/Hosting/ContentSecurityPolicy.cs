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
    private static int built;

    private List<(string Directive, string[] Sources)>? calls;

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
        (calls ??= []).Add((directive, [.. sources]));
    }

    public IReadOnlyList<string> SourcesOf(string directive) =>
        Merge(calls ?? []).TryGetValue(directive, out var list) ? list : [];

    public override string ToString()
    {
        if (calls is null)
        {
            return Unchanged;
        }

        var key = new Widenings(calls);
        if (Built.TryGetValue(key, out var header))
        {
            return header;
        }

        header = Build(calls);
        if (Volatile.Read(ref built) < MaxBuilt && Built.TryAdd(new Widenings([.. calls]), header))
        {
            Interlocked.Increment(ref built);
        }

        return header;
    }

    private static string Build(List<(string Directive, string[] Sources)> calls)
    {
        var header = new StringBuilder();
        foreach (var (name, sources) in Merge(calls))
        {
            header.Append(name).Append(' ').AppendJoin(' ', sources).Append("; ");
        }

        return header.ToString().TrimEnd(' ', ';');
    }

    /// <summary>
    /// The defaults widened call by call, directives in name order: a directive the defaults lack takes the sources as
    /// given; one they have loses <c>'none'</c> and gains each source it does not have yet.
    /// </summary>
    private static SortedDictionary<string, List<string>> Merge(List<(string Directive, string[] Sources)> calls)
    {
        var directives = new SortedDictionary<string, List<string>>(Defaults.ToDictionary(d => d.Directive, d => d.Sources.ToList()), StringComparer.Ordinal);
        foreach (var (directive, sources) in calls)
        {
            if (!directives.TryGetValue(directive, out var list))
            {
                directives[directive] = [.. sources];
                continue;
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

        return directives;
    }

    /// <summary>A list of widenings compared by its content, as the key of a built policy.</summary>
    private sealed class Widenings(List<(string Directive, string[] Sources)> items) : IEquatable<Widenings>
    {
        private readonly List<(string Directive, string[] Sources)> items = items;

        public bool Equals(Widenings? other) =>
            other is not null && items.Count == other.items.Count
            && items.Zip(other.items).All(pair => pair.First.Directive == pair.Second.Directive && pair.First.Sources.SequenceEqual(pair.Second.Sources));

        public override bool Equals(object? obj) => Equals(obj as Widenings);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            foreach (var (directive, sources) in items)
            {
                hash.Add(directive);
                foreach (var source in sources)
                {
                    hash.Add(source);
                }
            }

            return hash.ToHashCode();
        }
    }
}
