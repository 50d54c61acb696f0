using Interoffice.Web.Areas.Beheer.Features.Inbox;
using Interoffice.Web.Features.Contact;
using Interoffice.Web.Features.MyData;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Interoffice.Web.Tests.Data;

/// <summary>What "Mijn gegevens" and the privacy deadlines ask of SQL Server, as SQL Server would receive it.</summary>
public sealed class SqlServerPrivacyRequestTests
{
    [Fact]
    public void The_inbox_orders_open_requests_by_deadline_and_the_reminder_finds_those_due_in_one_statement()
    {
        using var sql = new SqlServerStatements();
        var now = new DateTime(2026, 12, 6, 8, 30, 0, DateTimeKind.Utc);

        var page = InboxQueries.Page(sql.Db, new InboxFilter(), now, 1).ToQueryString();
        var due = DeadlineReminder.Due(sql.Db, now.AddDays(7)).ToQueryString();

        Assert.Contains("WHEN [c].[Status] = 'New' THEN [c].[DueAt]", page, StringComparison.Ordinal);
        Assert.Contains("WHERE [c].[DueAt] IS NOT NULL AND [c].[Status] = 'New' AND [c].[DueAt] <= @horizon", due, StringComparison.Ordinal);
        Assert.Contains("ORDER BY [c].[DueAt]", due, StringComparison.Ordinal);
    }

    [Fact]
    public void Erasure_and_retention_skip_what_is_kept_for_the_accounts_in_the_statement_itself()
    {
        using var sql = new SqlServerStatements();
        var now = new DateTime(2026, 12, 6, 8, 30, 0, DateTimeKind.Utc);

        var ids = SubmissionDeletion.Ids(sql.Db, s => s.NormalizedEmail == "a@example.nl", ContactSubmission.Erasable(now)).ToQueryString();

        Assert.Contains("([c].[KeepUntil] IS NULL OR [c].[KeepUntil] < @now)", ids, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_address_column_of_Mijn_gegevens_compares_exactly_as_the_site_normalized_it()
    {
        using var sql = new SqlServerStatements();
        var model = sql.Db.GetService<Microsoft.EntityFrameworkCore.Metadata.IDesignTimeModel>().Model;
        foreach (var type in new[] { typeof(AccessLink), typeof(AccessSession), typeof(SelfServiceActivity) })
        {
            Assert.Equal(SqlServerSiteDbContext.ExactCollation, model.FindEntityType(type)!.FindProperty("NormalizedEmail")!.GetCollation());
        }
    }
}
