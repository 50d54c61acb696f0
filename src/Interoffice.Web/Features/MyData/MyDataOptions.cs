using System.ComponentModel.DataAnnotations;

namespace Interoffice.Web.Features.MyData;

/// <summary>Bound from the <c>MyData</c> section: how long a link and a session last, and how often an address may be mailed.</summary>
public sealed class MyDataOptions
{
    public const string SectionName = "MyData";

    /// <summary>A link from the mail starts a session within this many minutes, once.</summary>
    [Range(1, 1440)]
    public int LinkMinutes { get; set; } = 30;

    /// <summary>A session lasts this long from the moment the link was used; it is not extended.</summary>
    [Range(1, 240)]
    public int SessionMinutes { get; set; } = 15;

    /// <summary>Mails one address receives in an hour at most, however many requests name it.</summary>
    [Range(1, 100)]
    public int MailsPerAddressPerHour { get; set; } = 3;

    /// <summary>A request sent sooner than this after the page was shown is taken for a bot (0 switches the check off).</summary>
    [Range(0, 600)]
    public double MinimumSecondsToFill { get; set; } = 3;

    /// <summary>Requests allowed per client address within <see cref="RateLimitWindowMinutes"/>.</summary>
    [Range(1, 100_000)]
    public int RateLimitPermits { get; set; } = 5;

    [Range(0.01, 1440)]
    public double RateLimitWindowMinutes { get; set; } = 10;

    /// <summary>Months what a person did on their page is shown to staff (the audit log keeps its own, without the address).</summary>
    [Range(1, 120)]
    public int ActivityMonths { get; set; } = 12;
}
