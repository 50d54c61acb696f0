using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Hosting;
using Interoffice.Web.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;

namespace Interoffice.Web.Tests.Contact;

/// <summary>The form's time stamp when a form comes back (with errors, or expired): what the next try counts from.</summary>
public sealed class FormStampTests
{
    private static readonly DateTimeOffset Shown = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider clock = new(Shown);
    private readonly FormStamp stamp;

    public FormStampTests() =>
        stamp = new FormStamp(new EphemeralDataProtectionProvider(), clock, new DatabaseGate());

    [Fact]
    public void A_form_sent_back_within_its_time_keeps_the_moment_it_was_first_shown()
    {
        var first = stamp.Issue();
        clock.SetUtcNow(Shown.AddMinutes(20));

        Assert.Equal(first, stamp.Keep(first));
        Assert.True(stamp.IsHuman(stamp.Keep(first), 3), "sending again at once is not taken for a bot");
    }

    [Fact]
    public void A_form_that_stood_open_for_days_gets_a_new_stamp_and_can_be_sent_after_the_usual_few_seconds()
    {
        var first = stamp.Issue();
        clock.SetUtcNow(Shown.AddDays(3));

        var kept = stamp.Keep(first);
        Assert.False(stamp.IsHuman(first, 3), "a stamp of three days ago no longer counts");
        Assert.NotEqual(first, kept);
        clock.SetUtcNow(Shown.AddDays(3).AddSeconds(5));
        Assert.True(stamp.IsHuman(kept, 3));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("nagemaakt")]
    public void A_missing_or_forged_stamp_is_replaced(string? forged)
    {
        var kept = stamp.Keep(forged);

        Assert.NotEqual(forged, kept);
        clock.SetUtcNow(Shown.AddSeconds(5));
        Assert.True(stamp.IsHuman(kept, 3));
    }
}
