using System.Net;
using Interoffice.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Interoffice.Web.Tests.Pages;

public sealed class ErrorPagesTests(ErrorPagesTests.FailingSite site) : IClassFixture<ErrorPagesTests.FailingSite>
{
    [Theory]
    [InlineData("/bestaat-niet")]
    [InlineData("/diensten/onbekend")]
    [InlineData("/lib/bootstrap/css/weg.css")]
    public async Task An_unknown_address_shows_the_Dutch_not_found_page_with_status_404(string path)
    {
        using var response = await site.CreateClient().GetAsync(new Uri(path, UriKind.Relative));
        var document = await Html.ParseAsync(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Pagina niet gevonden", document.QuerySelector("h1")?.TextContent);
        Assert.Equal("nl", document.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(document.QuerySelector("a[href='/']"));
    }

    [Fact]
    public async Task A_failure_shows_the_Dutch_error_page_with_status_500_and_no_stack_trace()
    {
        using var response = await site.CreateClient().GetAsync(new Uri("/test/storing", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        var document = await Html.ParseAsync(html);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("Er ging iets mis", document.QuerySelector("h1")?.TextContent);
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Geheime details", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_is_logged_for_the_operator_with_its_exception()
    {
        using var response = await site.CreateClient().GetAsync(new Uri("/test/storing", UriKind.Relative));

        Assert.Contains(site.LogEvents, e => e.Exception?.Message == "Geheime details");
    }

    /// <summary>The site with one extra address that fails, as a bug would.</summary>
    public sealed class FailingSite : SiteFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, FailingEndpoint>());
        }

        private sealed class FailingEndpoint : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                next(app);
                app.Use((HttpContext context, RequestDelegate following) =>
                    context.Request.Path == "/test/storing"
                        ? throw new InvalidOperationException("Geheime details")
                        : following(context));
            };
        }
    }
}
