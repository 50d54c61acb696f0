using Interoffice.Web.Features.Newsletter;
using Interoffice.Web.Features.Privacy;
using Microsoft.AspNetCore.Mvc;

namespace Interoffice.Web.Areas.Beheer.Features.Newsletter;

/// <summary>
/// On every staff page until it is done: a statement version in force that subscribers have not been told about. The
/// statement promises them a mail; nothing sends it unless staff do.
/// </summary>
public sealed class PendingNoticeViewComponent(PrivacyStatementProvider statement, IStatementAnnouncements announcements) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        StatementNotice.Due(statement.Versions, await announcements.AnnouncedAsync(HttpContext.RequestAborted)) is { } notice
            ? View("~/Areas/Beheer/Features/Newsletter/_PendingNotice.cshtml", notice)
            : Content("");
}
