namespace Interoffice.Web.Features.Newsletter;

/// <summary>A newsletter as staff send it: its id is made when they begin writing it.</summary>
public sealed record NewsletterDraft(Guid Id, string Subject, string Body, Guid? NewsItemId = null, string? StatementVersion = null);
