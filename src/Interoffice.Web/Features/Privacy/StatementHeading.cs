namespace Interoffice.Web.Features.Privacy;

/// <summary>A heading of the statement, for its table of contents.</summary>
public sealed record StatementHeading(string Id, string Text);
