using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Interoffice.Web.Tests.Support;

/// <summary>The instant every test site starts at, and the clock of a site, as a test reads and moves it.</summary>
public static class TestTime
{
    /// <summary>
    /// A Monday morning, 11:15 in Winschoten. Later than any real day the suite runs on, so that the cookies the site
    /// sets have not expired for the browser or the test's cookie jar, which go by the real clock.
    /// </summary>
    public static readonly DateTimeOffset Start = new(2030, 3, 4, 10, 15, 0, TimeSpan.Zero);

    /// <summary>
    /// A clock that stands at <see cref="Start"/> until the test moves it, but for one tick each time it is read, as a
    /// real one moves between two requests: what is stored later sorts later, and a session is checked again on its
    /// next request (the security stamp's interval is zero), while nothing a person could notice changes by itself.
    /// </summary>
    public static FakeTimeProvider NewClock(DateTimeOffset? start = null) => new(start ?? Start) { AutoAdvanceAmount = TimeSpan.FromTicks(1) };

    /// <summary>The clock of <paramref name="site"/> (or of the site it was derived from).</summary>
    public static FakeTimeProvider Clock(this WebApplicationFactory<Program> site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return (FakeTimeProvider)site.Services.GetRequiredService<TimeProvider>();
    }

    /// <summary>The site's now, as the site stores times (UTC).</summary>
    public static DateTime Now(this WebApplicationFactory<Program> site) => site.Clock().GetUtcNow().UtcDateTime;
}
