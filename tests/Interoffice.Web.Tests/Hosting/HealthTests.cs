using System.Net;
using Interoffice.Web.Tests.Support;

namespace Interoffice.Web.Tests.Hosting;

public sealed class HealthTests
{
    [Fact]
    public async Task A_running_site_is_live_and_ready()
    {
        await using var site = new SiteFactory();
        var client = site.CreateClient();

        using var live = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_site_that_cannot_reach_its_database_is_live_but_not_ready()
    {
        // Port 9 on loopback: nothing listens, so the connection is refused at once.
        await using var site = new SiteFactory()
            .With("Database:Provider", "SqlServer")
            .With("ConnectionStrings:Default", "Server=tcp:127.0.0.1,9;Database=Interoffice;User Id=sa;Password=x;Connect Timeout=2;Encrypt=False");
        var client = site.CreateClient();

        using var live = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
    }
}
