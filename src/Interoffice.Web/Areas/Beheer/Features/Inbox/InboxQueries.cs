using System.Text;
using Interoffice.Web.Features.Contact;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Areas.Beheer.Features.Inbox;

/// <summary>The inbox's queries, built apart from running them so a test can have SQL Server translate each one.</summary>
public static class InboxQueries
{
    public const int PageSize = 20;

    /// <summary>Submissions matching the filter's status, kind and search words (anywhere in name, address, message or reference).</summary>
    public static IQueryable<ContactSubmission> Filtered(SiteDbContext db, InboxFilter filter)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.Set<ContactSubmission>().AsNoTracking();
        if (filter.Status is { } status)
        {
            query = query.Where(s => s.Status == status);
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(s => s.Kind == kind);
        }

        if (filter.HasSearch)
        {
            var text = filter.Search.Trim();
            var pattern = Like.Containing(text);

            // The reference is ASCII (a varchar column on SQL Server): other text is not looked for in it, since SQL
            // Server's conversion to the column's code page could turn a full-width ％ into a wildcard.
            query = Ascii.IsValid(text)
                ? query.Where(s => EF.Functions.Like(s.Name, pattern, Like.Escape) || EF.Functions.Like(s.Email, pattern, Like.Escape)
                    || EF.Functions.Like(s.Message, pattern, Like.Escape) || EF.Functions.Like(s.Reference, pattern, Like.Escape))
                : query.Where(s => EF.Functions.Like(s.Name, pattern, Like.Escape) || EF.Functions.Like(s.Email, pattern, Like.Escape)
                    || EF.Functions.Like(s.Message, pattern, Like.Escape));
        }

        return query;
    }

    /// <summary>Open privacy requests past their deadline first, then open privacy requests by deadline (nearest first), then the newest.</summary>
    public static IQueryable<ContactSubmission> Ordered(IQueryable<ContactSubmission> query, DateTime now) =>
        query.OrderByDescending(ContactSubmission.Overdue(now))
            .ThenByDescending(ContactSubmission.Open)
            .ThenBy(s => s.Status == SubmissionStatus.New ? s.DueAt : null)
            .ThenByDescending(s => s.ReceivedAt)
            .ThenBy(s => s.Id);

    /// <summary>One page (from 1) of the filtered, ordered list.</summary>
    public static IQueryable<ContactSubmission> Page(SiteDbContext db, InboxFilter filter, DateTime now, int page) =>
        Ordered(Filtered(db, filter), now).Skip((page - 1) * PageSize).Take(PageSize);

    public static IQueryable<ContactSubmission> One(SiteDbContext db, Guid id)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<ContactSubmission>().Where(s => s.Id == id);
    }

    /// <summary>The state of the staff mail about each of <paramref name="submissions"/>, as the outbox has it.</summary>
    public static IQueryable<KeyValuePair<Guid, MailState>> MailStates(SiteDbContext db, IQueryable<ContactSubmission> submissions)
    {
        ArgumentNullException.ThrowIfNull(submissions);
        return OutboxQueries.LatestStates(db, submissions.Select(s => (Guid?)s.Id));
    }
}
