namespace Interoffice.Web.Features.MyData;

/// <summary>The page behind the mail's link: the code for its button, or why the link did not open a session.</summary>
public sealed record LinkPage(string? Code, OpenOutcome? Outcome);
