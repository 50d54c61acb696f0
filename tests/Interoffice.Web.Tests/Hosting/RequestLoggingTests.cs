using Interoffice.Web.Tests.Support;
using Serilog.Events;

namespace Interoffice.Web.Tests.Hosting;

public sealed class RequestLoggingTests
{
    [Fact]
    public async Task Each_request_is_logged_once_with_method_path_status_and_time()
    {
        await using var site = new SiteFactory();
        using var response = await site.CreateClient().GetAsync(new Uri("/diensten", UriKind.Relative));

        var line = Assert.Single(site.LogEvents, e => e.MessageTemplate.Text.StartsWith("HTTP ", StringComparison.Ordinal)
            && e.Properties["RequestPath"].ToString() == "\"/diensten\"");
        Assert.Equal(LogEventLevel.Information, line.Level);
        Assert.Equal("\"GET\"", line.Properties["RequestMethod"].ToString());
        Assert.Equal("200", line.Properties["StatusCode"].ToString());
        Assert.True(line.Properties.ContainsKey("Elapsed"));
    }

    [Fact]
    public async Task Personal_data_in_an_address_never_reaches_the_information_log()
    {
        await using var site = new SiteFactory();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/contact?email=jan.jansen@example.nl&naam=Jan%20Jansen");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        request.Headers.Referrer = new Uri("https://example.nl/?email=jan.jansen@example.nl");
        using var response = await site.CreateClient().SendAsync(request);

        var written = site.LogEvents.Where(e => e.Level >= LogEventLevel.Information)
            .Select(e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture) + string.Join(' ', e.Properties.Values))
            .ToList();
        Assert.NotEmpty(written);
        Assert.All(written, text =>
        {
            Assert.DoesNotContain("jan.jansen", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Jansen", text, StringComparison.Ordinal);
            Assert.DoesNotContain("203.0.113.7", text, StringComparison.Ordinal);
        });
    }
}
