using Interoffice.Web.Features.Staff;

namespace Interoffice.Web.Areas.Beheer.Features.Audit;

/// <summary>One page of the audit log, newest first.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Page, bool HasMore);
