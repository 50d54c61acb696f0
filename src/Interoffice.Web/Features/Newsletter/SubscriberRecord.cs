using Interoffice.Web.Infrastructure.Email;

namespace Interoffice.Web.Features.Newsletter;

/// <summary>What the newsletter holds about one address, for the person tool: the subscription with its proof and mails, or that it unsubscribed.</summary>
public sealed record SubscriberRecord(Subscriber? Subscriber, SignUpWording? Wording, IReadOnlyList<OutboxMessage> Mails, bool Unsubscribed)
{
    public bool HoldsAnything => Subscriber is not null || Unsubscribed;
}
