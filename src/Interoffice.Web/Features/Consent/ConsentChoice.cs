namespace Interoffice.Web.Features.Consent;

/// <summary>
/// A visitor's explicit choice, as kept in the consent cookie: made against the policy snapshot
/// <see cref="PolicyVersion"/>, while version <see cref="StatementVersion"/> of the privacy statement was in force.
/// (The <see cref="ConsentContext"/> is what applies to one request: this choice, if any, with the request's own signals.)
/// </summary>
public sealed record ConsentChoice(
    string ConsentId,
    string PolicyVersion,
    IReadOnlySet<ConsentCategory> Granted,
    DateTimeOffset DecidedAt,
    ConsentMethod Method,
    string? StatementVersion = null)
{
    public bool AcceptsAnything => Granted.Count > 0;
}
