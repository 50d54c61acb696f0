using System.Security.Cryptography;
using System.Text;

namespace Interoffice.Web.Infrastructure.Hosting;

/// <summary>
/// The Content-Security-Policy of one response. Built per request so that a feature (consent) can
/// allow a third-party host only on the responses where it may be contacted; written when the response starts.
/// </summary>
public sealed class ContentSecurityPolicy
{
    // The policy of a page that allows no third party, in directive order, with a place for the nonce.
    private const string NoncePlaceholder = "{nonce}";
    private static readonly string Unchanged = new ContentSecurityPolicy(NoncePlaceholder).Build();

    private readonly SortedDictionary<string, List<string>> directives = new(StringComparer.Ordinal);
    private bool changed;

    public ContentSecurityPolicy()
        : this(Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)))
    {
    }

    private ContentSecurityPolicy(string nonce)
    {
        Nonce = nonce;
        Set("default-src", "'self'");
        Set("script-src", "'self'", $"'nonce-{Nonce}'");
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

    /// <summary>The nonce that inline scripts of this response carry.</summary>
    public string Nonce { get; }

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

    public override string ToString() => changed ? Build() : Unchanged.Replace(NoncePlaceholder, Nonce, StringComparison.Ordinal);

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
