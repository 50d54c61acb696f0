namespace Interoffice.Web.Features.Newsletter;

/// <summary>What a sign-up did. A visitor is never told: the form answers the same whatever the address.</summary>
public enum SignUpOutcome
{
    /// <summary>A confirmation link was mailed.</summary>
    ConfirmationSent,

    /// <summary>The address was already confirmed: it was told so (once a day at most).</summary>
    AlreadySubscribed,

    /// <summary>Mailed about a sign-up within the hour: nothing sent, so sign-ups cannot fill a mailbox.</summary>
    HeldBack,

    /// <summary>Staff only: the address unsubscribed, so only the person may sign up again.</summary>
    Unsubscribed,
}
