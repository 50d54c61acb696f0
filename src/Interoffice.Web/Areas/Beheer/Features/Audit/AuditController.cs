using Interoffice.Web.Features.Staff;
using Interoffice.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Areas.Beheer.Features.Audit;

/// <summary>The audit log, for staff: who did what, when.</summary>
[Area(StaffExtensions.Area)]
public sealed class AuditController(SiteDbContext db) : Controller
{
    private const int PageSize = 50;

    [HttpGet("/beheer/logboek")]
    public async Task<IActionResult> Index([FromQuery(Name = "pagina")] int page, CancellationToken cancellationToken)
    {
        page = Math.Max(1, page);
        var entries = await AuditLog.Page(db, page, PageSize).ToListAsync(cancellationToken);
        return View(new AuditPage([.. entries.Take(PageSize)], page, entries.Count > PageSize));
    }
}
