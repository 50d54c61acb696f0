using System.Net;
using Interoffice.Web.Features.Consent;
using Interoffice.Web.Features.Staff;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Hosting;
using Interoffice.Web.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Interoffice.Web.Tests.Hosting;

/// <summary>
/// Abuse limits as they hold behind a reverse proxy: each request comes from a real client address (set on the
/// connection, as Kestrel does), with or without an X-Forwarded-For header.
/// </summary>
public sealed class ProxyAndRateLimitTests : IAsyncLifetime
{
    private const string Proxy = "10.0.0.2";

    private readonly SiteFactory site = new SiteFactory()
        .With("ForwardedHeaders:KnownProxies:0", Proxy)
        .With("Staff:SignInRateLimitPermits", "3")
        .With("Consent:ChoiceRateLimitPermits", "3");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await site.DisposeAsync();

    [Fact]
    public async Task Behind_the_configured_proxy_each_forwarded_visitor_has_a_limit_of_their_own()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add(await SignInAsync(from: Proxy, forwardedFor: "203.0.113.5"));
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(3));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInAsync(from: Proxy, forwardedFor: "203.0.113.6"));
    }

    [Fact]
    public async Task A_forwarded_address_from_anyone_but_the_proxy_is_ignored()
    {
        // A flooder who makes up a new X-Forwarded-For for every request is still counted as itself.
        for (var i = 0; i < 3; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInAsync(from: "198.51.100.7", forwardedFor: $"203.0.113.{10 + i}"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(from: "198.51.100.7", forwardedFor: "203.0.113.99"));
    }

    [Fact]
    public async Task Without_a_configured_proxy_no_forwarded_address_is_believed()
    {
        await using var unproxied = new SiteFactory().With("Staff:SignInRateLimitPermits", "3");
        for (var i = 0; i < 3; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInAsync(unproxied, from: "198.51.100.8", forwardedFor: $"203.0.113.{20 + i}"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(unproxied, from: "198.51.100.8", forwardedFor: "203.0.113.98"));
    }

    [Fact]
    public async Task Forwarded_requests_without_a_configured_proxy_are_logged_once_and_shown_to_staff_as_one_shared_limit()
    {
        await using var unproxied = new SiteFactory();
        await SignInAsync(unproxied, from: "10.0.0.2", forwardedFor: "203.0.113.20");
        await SignInAsync(unproxied, from: "10.0.0.2", forwardedFor: "203.0.113.21");

        Assert.Single(unproxied.LogEvents, e => e.Level == Serilog.Events.LogEventLevel.Warning && e.MessageTemplate.Text.StartsWith("Requests carry X-Forwarded-For but no proxy is configured", StringComparison.Ordinal));
        await Support.Staff.CreateAsync(unproxied, "sanne@interoffice.nl");
        using var staff = Visitor.Of(unproxied);
        using var signedIn = await Support.Staff.SignInAsync(staff, "sanne@interoffice.nl");
        var page = await staff.PageAsync("/beheer/toestemmingen");
        Assert.Equal("De site staat achter een proxy die niet is ingesteld: alle bezoekers delen één limiet. Stel ForwardedHeaders:KnownProxies in op het adres van de proxy.",
            page.QuerySelector("[data-unconfigured-proxy]")?.TextContent.Normalized());

        // Behind the configured proxy the same requests are believed, and nothing is said.
        await SignInAsync(from: Proxy, forwardedFor: "203.0.113.22");
        Assert.DoesNotContain(site.LogEvents, e => e.MessageTemplate.Text.StartsWith("Requests carry X-Forwarded-For", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Addresses_in_one_IPv6_64_share_a_limit()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInAsync(from: $"2001:db8:1:2::{i + 1:x}"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(from: "2001:db8:1:2:ffff:ffff:ffff:ffff"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInAsync(from: "2001:db8:1:3::1"));
        Assert.Equal("2001:db8:1:2::/64", ClientRateLimits.ClientOf(IPAddress.Parse("2001:db8:1:2:aaaa::1")));
        Assert.Equal("192.0.2.1", ClientRateLimits.ClientOf(IPAddress.Parse("::ffff:192.0.2.1")));
    }

    [Fact]
    public async Task A_proxy_that_connects_over_IPv6_as_Docker_shows_it_is_the_configured_proxy_too()
    {
        // Kestrel listening on both IPv4 and IPv6 sees the proxy 10.0.0.2 as ::ffff:10.0.0.2.
        for (var i = 0; i < 3; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInAsync(from: $"::ffff:{Proxy}", forwardedFor: "203.0.113.40"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(from: $"::ffff:{Proxy}", forwardedFor: "203.0.113.40"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInAsync(from: $"::ffff:{Proxy}", forwardedFor: "203.0.113.41"));
    }

    [Fact]
    public async Task A_flood_of_cookie_choices_gets_the_Dutch_429_page_and_records_nothing_while_another_visitors_choice_still_works()
    {
        var before = await CountAsync<ConsentRecord>();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(StatusCodes.Status303SeeOther, (await ChooseAsync(from: "198.51.100.20")).Response.StatusCode);
        }

        for (var i = 0; i < 20; i++)
        {
            var flooded = await ChooseAsync(from: "198.51.100.20");
            Assert.Equal(StatusCodes.Status429TooManyRequests, flooded.Response.StatusCode);
            if (i == 0)
            {
                var page = await Html.ParseAsync(await new StreamReader(flooded.Response.Body).ReadToEndAsync());
                Assert.Contains("te veel cookiekeuzes", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
            }
        }

        Assert.Equal(StatusCodes.Status303SeeOther, (await ChooseAsync(from: "198.51.100.21")).Response.StatusCode);
        Assert.Equal(before + 4, await CountAsync<ConsentRecord>());
    }

    [Fact]
    public async Task A_flood_of_sign_ins_gets_the_Dutch_429_page_and_fills_no_audit_log()
    {
        await Support.Staff.CreateAsync(site, "bram@interoffice.nl");
        var before = await CountAsync<AuditEntry>();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 15; i++)
        {
            using var attacker = Visitor.Of(site);
            using var response = await Support.Staff.SignInAsync(attacker, "bram@interoffice.nl", $"geraden {i}");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && statuses.Count(s => s == HttpStatusCode.TooManyRequests) == 1)
            {
                var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
                Assert.Contains("te vaak geprobeerd", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
            }
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 3), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 12)], statuses);
        Assert.Equal(before + 3, await CountAsync<AuditEntry>());
    }

    private async Task<int> CountAsync<T>()
        where T : class
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Set<T>().CountAsync();
    }

    // A post without a form token: refused by antiforgery (400) after the rate limit has counted it, or 429.
    private Task<HttpStatusCode> SignInAsync(string from, string? forwardedFor = null) => SignInAsync(site, from, forwardedFor);

    private static async Task<HttpStatusCode> SignInAsync(SiteFactory on, string from, string? forwardedFor = null) =>
        (HttpStatusCode)(await PostAsync(on, "/beheer/inloggen", from, forwardedFor)).Response.StatusCode;

    private Task<HttpContext> ChooseAsync(string from) => PostAsync(site, "/cookies/keuze", from, null);

    private static Task<HttpContext> PostAsync(SiteFactory on, string path, string from, string? forwardedFor)
    {
        _ = on.Server;
        return on.Server.SendAsync(context =>
        {
            context.Request.Method = HttpMethods.Post;
            context.Request.Path = path;
            context.Request.Scheme = "https";
            context.Request.Host = new HostString("www.interoffice.nl");
            context.Request.ContentType = "application/x-www-form-urlencoded";
            context.Request.Body = new MemoryStream("Choice=niets"u8.ToArray());
            context.Request.Headers["Sec-Fetch-Site"] = "same-origin";
            context.Connection.RemoteIpAddress = IPAddress.Parse(from);
            if (forwardedFor is not null)
            {
                context.Request.Headers["X-Forwarded-For"] = forwardedFor;
            }
        });
    }
}
