using System.Net;
using Interoffice.Web.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Interoffice.Web.Tests.Staff;

public sealed class StaffSecurityTests
{
    [Fact]
    public async Task Every_staff_endpoint_refuses_anonymous_visitors_so_a_new_one_cannot_slip_through()
    {
        await using var site = new SiteFactory();
        using var visitor = Visitor.Of(site);
        var endpoints = site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("beheer", StringComparison.OrdinalIgnoreCase) == true)
            .ToList();
        Assert.True(endpoints.Count >= 15, $"only {endpoints.Count} staff endpoints found");

        var open = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var path = "/" + string.Join('/', endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart => Guid.NewGuid().ToString(),
                _ => "",
            }))));
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                using var response = await visitor.SendAsync(new HttpMethod(method), path, method == "POST" ? new FormUrlEncodedContent([]) : null);
                var refused = Support.Staff.RedirectsToSignIn(response);
                if (anonymous)
                {
                    Assert.True(path.StartsWith("/beheer/inloggen", StringComparison.Ordinal), $"{method} {path} is open to anyone");
                }
                else if (!refused)
                {
                    open.Add($"{method} {path} answered {(int)response.StatusCode}");
                }
            }
        }

        Assert.Empty(open);
    }

    [Fact]
    public async Task A_sign_in_and_a_form_token_from_one_instance_are_accepted_by_another()
    {
        await using var first = new SiteFactory();
        await using var second = new SiteFactory { DatabasePath = first.DatabasePath, Clock = first.Clock };
        await Support.Staff.CreateAsync(first, "joke@interoffice.nl");
        using var onFirst = Visitor.Of(first);
        using var _ = await Support.Staff.SignInAsync(onFirst, "joke@interoffice.nl");
        var accountPage = await onFirst.PageAsync("/beheer/account");
        var token = accountPage.QuerySelector("form[action='/beheer/account/passkeys'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        // The same browser, its cookies and the token from the first instance's page, now behind the second instance.
        using var onSecond = Visitor.Of(second);
        foreach (System.Net.Cookie cookie in onFirst.Cookies.GetAllCookies())
        {
            onSecond.Cookies.Add(cookie);
        }

        var (page, document) = await onSecond.GetAsync("/beheer");
        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Password", Support.Staff.Password)]);
        using var posted = await onSecond.SendAsync(HttpMethod.Post, "/beheer/account/passkeys/opties", form);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("Berichten", document.QuerySelector("h1")?.TextContent);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("\"challenge\"", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
