using System.Net;
using Interoffice.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Interoffice.Web.Tests.Hosting;

/// <summary>
/// What an uptime monitor, a link checker or a crawler meets when it asks with HEAD (RFC 9110 §9.3.2): every address
/// that answers GET answers HEAD with the same status and headers, and no body; the page cache included.
/// </summary>
public sealed class HeadRequestTests(HeadRequestTests.OnKestrel site) : IClassFixture<HeadRequestTests.OnKestrel>
{
    // Different on every answer by design (a date, the seconds in the cache, a fresh antiforgery cookie), or framing the body that HEAD leaves out.
    private static readonly HashSet<string> PerAnswer = new(StringComparer.OrdinalIgnoreCase) { "Date", "Age", "Set-Cookie", "Content-Length", "Transfer-Encoding" };

    [Fact]
    public async Task Every_address_that_answers_GET_answers_HEAD_alike_for_a_visitor_and_for_staff()
    {
        await Support.Staff.CreateAsync(site, "head@interoffice.nl");
        var submission = await Support.Staff.AddSubmissionAsync(site, "Jan Kop", "jan.kop@example.nl", "Bericht", site.Now());
        var paths = GetPaths(submission.Id).ToList();
        Assert.Contains("/robots.txt", paths);
        Assert.Contains("/beheer/berichten/" + submission.Id, paths);

        using var visitor = Visitor.OnServer(Server());
        using var staff = Visitor.OnServer(Server());
        using (var signedIn = await Support.Staff.SignInAsync(staff, "head@interoffice.nl"))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        using (var home = await staff.SendAsync(HttpMethod.Head, "/beheer"))
        {
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        }

        var differences = new List<string>();
        foreach (var (who, client) in new[] { ("bezoeker", visitor), ("medewerker", staff) })
        {
            foreach (var path in paths)
            {
                // HEAD first, so that a page the cache keeps is stored by the HEAD and then served to the GET.
                using var head = await client.SendAsync(HttpMethod.Head, path);
                using var get = await client.SendAsync(HttpMethod.Get, path);
                var getBody = await get.Content.ReadAsByteArrayAsync();
                if (head.StatusCode != get.StatusCode)
                {
                    differences.Add($"{who} {path}: HEAD {(int)head.StatusCode}, GET {(int)get.StatusCode}");
                }

                if (Headers(head) is var h && Headers(get) is var g && !h.SequenceEqual(g))
                {
                    differences.Add($"{who} {path}: HEAD [{string.Join("; ", h.Except(g))}] GET [{string.Join("; ", g.Except(h))}]");
                }

                if ((await head.Content.ReadAsByteArrayAsync()).Length > 0)
                {
                    differences.Add($"{who} {path}: HEAD has a body");
                }

                if (get.StatusCode == HttpStatusCode.OK && getBody.Length == 0)
                {
                    differences.Add($"{who} {path}: GET after HEAD has no body");
                }
            }
        }

        Assert.Empty(differences);
    }

    [Theory]
    [MemberData(nameof(PublicPages.All), MemberType = typeof(PublicPages))]
    public async Task A_public_page_answers_HEAD_with_200_and_its_GET_headers(string path, string _)
    {
        using var visitor = Visitor.OnServer(Server());

        using var head = await visitor.SendAsync(HttpMethod.Head, path);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("text/html", head.Content.Headers.ContentType?.MediaType);
        Assert.False(head.Content.Headers.Contains("Allow"));
    }

    private Uri Server()
    {
        site.StartServer();
        return new Uri(site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    // Every GET route the site maps, its parameters filled in as a visitor's link would.
    private IEnumerable<string> GetPaths(Guid submissionId)
    {
        var samples = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["id"] = submissionId.ToString(), ["version"] = "1", ["code"] = "404", ["path"] = "css/site.css", ["slug"] = "bestaat-niet", ["page"] = "2" };
        foreach (var endpoint in site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            if (methods is not null && !methods.Contains("GET"))
            {
                continue;
            }

            var pattern = endpoint.RoutePattern;
            if (endpoint.DisplayName?.Contains("StaticAsset", StringComparison.OrdinalIgnoreCase) == true || pattern.RawText is null)
            {
                continue;
            }

            yield return "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart separator => separator.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => samples.TryGetValue(parameter.Name, out var sample) ? sample : throw new InvalidOperationException($"no sample for {{{parameter.Name}}} in {pattern.RawText}"),
                _ => throw new InvalidOperationException(pattern.RawText),
            }))));
        }
    }

    /// <summary>The site on Kestrel, the server it runs on in production, which leaves a HEAD's body out (the test server does not).</summary>
    public sealed class OnKestrel : SiteFactory
    {
        public OnKestrel() => UseKestrel(0);
    }

    private static List<string> Headers(HttpResponseMessage response) =>
        [.. response.Headers.Concat(response.Content.Headers)
            .Where(header => !PerAnswer.Contains(header.Key))
            .Select(header => $"{header.Key}: {(header.Key == "Content-Security-Policy" ? "…" : string.Join(",", header.Value))}")
            .Order(StringComparer.Ordinal)];
}
