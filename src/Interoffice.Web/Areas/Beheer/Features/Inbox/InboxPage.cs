namespace Interoffice.Web.Areas.Beheer.Features.Inbox;

/// <summary>One page of the filtered inbox.</summary>
public sealed record InboxPage(InboxFilter Filter, IReadOnlyList<InboxRow> Rows, int Total, int Page, int Pages);
