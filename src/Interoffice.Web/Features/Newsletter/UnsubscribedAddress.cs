namespace Interoffice.Web.Features.Newsletter;

/// <summary>
/// What is left of an address that unsubscribed: a keyed hash (<see cref="NewsletterKeys.AddressHash"/>), so staff
/// cannot sign it up again by mistake, and the day, so staff can count unsubscriptions. Not the address.
/// </summary>
public sealed class UnsubscribedAddress
{
    public required string AddressHash { get; init; }

    /// <summary>The day in Amsterdam.</summary>
    public DateOnly UnsubscribedOn { get; init; }
}
