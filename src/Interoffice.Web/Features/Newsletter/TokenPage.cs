namespace Interoffice.Web.Features.Newsletter;

/// <summary>A page reached from a link in a mail: the link's code for its button, or what became of a code already tried.</summary>
public sealed record TokenPage(string? Code, ConfirmOutcome? Outcome);
