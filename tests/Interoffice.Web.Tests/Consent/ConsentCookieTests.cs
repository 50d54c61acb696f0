using Interoffice.Web.Features.Consent;
using Interoffice.Web.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Options;

namespace Interoffice.Web.Tests.Consent;

public sealed class ConsentCookieTests
{
    private const string Version = "1.1.abcdef12";
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly IDataProtectionProvider keys = new EphemeralDataProtectionProvider();
    private readonly FakeTimeProvider clock = new(Now);

    [Fact]
    public void A_written_choice_reads_back_the_same()
    {
        var cookie = Cookie();
        var state = Choice([ConsentCategory.Analytics, ConsentCategory.Social]);

        var read = cookie.Read(cookie.Protect(state), Version);

        Assert.NotNull(read);
        Assert.Equal(state.ConsentId, read.ConsentId);
        Assert.Equal(state.Granted.Order(), read.Granted.Order());
        Assert.Equal(Now, read.DecidedAt);
        Assert.Equal(ConsentMethod.Settings, read.Method);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("niet-versleuteld")]
    [InlineData("{\"i\":\"x\",\"v\":\"1.1.abcdef12\",\"g\":[\"analytics\"],\"t\":0,\"m\":\"AcceptAll\"}")]
    [InlineData("CfDJ8%%%%")]
    public void A_malformed_value_means_no_choice_yet(string? value) =>
        Assert.Null(Cookie().Read(value, Version));

    [Fact]
    public void A_tampered_value_means_no_choice_yet()
    {
        var cookie = Cookie();
        var value = cookie.Protect(Choice([]));
        var tampered = value[..20] + (value[20] == 'A' ? 'B' : 'A') + value[21..];

        Assert.Null(cookie.Read(tampered, Version));
    }

    [Fact]
    public void A_value_protected_with_other_keys_means_no_choice_yet()
    {
        var foreign = new ConsentCookie(new EphemeralDataProtectionProvider(), Options(), clock).Protect(Choice([ConsentCategory.Analytics]));

        Assert.Null(Cookie().Read(foreign, Version));
    }

    [Fact]
    public void A_choice_made_against_an_older_policy_version_means_no_choice_yet()
    {
        var cookie = Cookie();

        Assert.Null(cookie.Read(cookie.Protect(Choice([ConsentCategory.Analytics])), "2.1.abcdef12"));
    }

    [Fact]
    public void An_acceptance_lasts_twelve_months_and_a_rejection_six()
    {
        var cookie = Cookie();
        var accepted = cookie.Protect(Choice([ConsentCategory.Analytics]));
        var rejected = cookie.Protect(Choice([]));

        clock.SetUtcNow(Now.AddMonths(6).AddMinutes(-1));
        Assert.NotNull(cookie.Read(rejected, Version));
        clock.SetUtcNow(Now.AddMonths(6));
        Assert.Null(cookie.Read(rejected, Version));
        Assert.NotNull(cookie.Read(accepted, Version));
        clock.SetUtcNow(Now.AddMonths(12));
        Assert.Null(cookie.Read(accepted, Version));
    }

    [Fact]
    public void Lifetimes_follow_the_configuration()
    {
        var cookie = new ConsentCookie(keys, Options(accepted: 3, rejected: 1), clock);

        Assert.Equal(Now.AddMonths(3), cookie.ExpiresAt(Choice([ConsentCategory.Social])));
        Assert.Equal(Now.AddMonths(1), cookie.ExpiresAt(Choice([])));
    }

    [Fact]
    public void A_choice_dated_in_the_future_means_no_choice_yet()
    {
        var cookie = Cookie();
        var value = cookie.Protect(Choice([ConsentCategory.Analytics]) with { DecidedAt = Now.AddDays(1) });

        Assert.Null(cookie.Read(value, Version));
    }

    private ConsentCookie Cookie() => new(keys, Options(), clock);

    private static IOptions<ConsentOptions> Options(int accepted = 12, int rejected = 6) =>
        Microsoft.Extensions.Options.Options.Create(new ConsentOptions { AcceptedLifetimeMonths = accepted, RejectedLifetimeMonths = rejected });

    private static ConsentChoice Choice(ConsentCategory[] granted) =>
        new(Guid.NewGuid().ToString(), Version, granted.ToHashSet(), Now, ConsentMethod.Settings);
}
