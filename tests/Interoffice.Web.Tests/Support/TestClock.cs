namespace Interoffice.Web.Tests.Support;

/// <summary>A clock the test sets, for what the site decides by the date (expiry, retention).</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
