using Interoffice.Web.Infrastructure.Hosting;

namespace Interoffice.Web.Tests.Hosting;

/// <summary>The header a browser enforces, as text: the same widenings always give the same policy, built once.</summary>
public sealed class ContentSecurityPolicyTests
{
    private const string Default = "base-uri 'self'; connect-src 'self'; default-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; "
        + "frame-src 'none'; img-src 'self' data:; object-src 'none'; script-src 'self'; style-src 'self'";

    [Fact]
    public void A_page_that_allows_nothing_more_gets_the_strict_default()
    {
        Assert.Equal(Default, new ContentSecurityPolicy().ToString());
    }

    [Fact]
    public void A_widened_directive_loses_none_keeps_each_source_once_and_a_new_directive_takes_its_sources_as_given()
    {
        var policy = new ContentSecurityPolicy();
        policy.Allow("frame-src", "https://www.youtube-nocookie.com");
        policy.Allow("script-src", "https://www.googletagmanager.com", "'self'");
        policy.Allow("script-src", "https://www.googletagmanager.com");
        policy.Allow("worker-src", "blob:");

        var header = policy.ToString();

        Assert.Contains("; frame-src https://www.youtube-nocookie.com;", header, StringComparison.Ordinal);
        Assert.Contains("; script-src 'self' https://www.googletagmanager.com;", header, StringComparison.Ordinal);
        Assert.EndsWith("; style-src 'self'; worker-src blob:", header, StringComparison.Ordinal);
        Assert.Equal(["'self'", "https://www.googletagmanager.com"], policy.SourcesOf("script-src"));
    }

    [Fact]
    public void Policies_built_once_are_told_apart_by_every_source_and_its_order()
    {
        static string Widened(params (string Directive, string Source)[] calls)
        {
            var policy = new ContentSecurityPolicy();
            foreach (var (directive, source) in calls)
            {
                policy.Allow(directive, source);
            }

            return policy.ToString();
        }

        var first = Widened(("script-src", "'sha256-a'"), ("connect-src", "https://a.example"));
        Assert.Equal(first, Widened(("script-src", "'sha256-a'"), ("connect-src", "https://a.example")));
        Assert.NotEqual(first, Widened(("script-src", "'sha256-b'"), ("connect-src", "https://a.example")));
        Assert.NotEqual(first, Widened(("script-src", "'sha256-a'")));
        Assert.Contains("script-src 'self' https://a.example 'sha256-a'", Widened(("script-src", "https://a.example"), ("script-src", "'sha256-a'")), StringComparison.Ordinal);
        Assert.Contains("script-src 'self' 'sha256-a' https://a.example", Widened(("script-src", "'sha256-a'"), ("script-src", "https://a.example")), StringComparison.Ordinal);
        Assert.Equal(Default, new ContentSecurityPolicy().ToString());
    }
}
