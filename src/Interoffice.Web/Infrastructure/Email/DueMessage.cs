namespace Interoffice.Web.Infrastructure.Email;

/// <summary>A message due now, as a send round sees it before claiming it.</summary>
public sealed record DueMessage(long Id, string? Lane);
