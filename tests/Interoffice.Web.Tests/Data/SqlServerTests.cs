using Interoffice.Web.Areas.Beheer.Features.Inbox;
using Interoffice.Web.Areas.Beheer.Features.People;
using Interoffice.Web.Features.Contact;
using Interoffice.Web.Features.Staff;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Tests.Support;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Interoffice.Web.Tests.Data;

/// <summary>
/// Production runs on SQL Server; none runs here. What is proven without one: the provider translates every query
/// the site runs (a query it cannot translate throws while its SQL is built), the SQL says what the site means on
/// both providers, and the migration script is valid T-SQL by Microsoft's own parser.
/// </summary>
public sealed class SqlServerTests
{
    [Fact]
    public void The_idempotent_migration_script_is_valid_T_SQL_by_Microsofts_own_parser()
    {
        using var sql = new SqlServerStatements();
        var migrations = sql.Db.Database.GetMigrations().ToList();

        // What `dotnet ef migrations script --idempotent` writes: every migration, each guarded by the history table.
        var script = sql.Db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(script), out var errors);

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"line {e.Line}: {e.Message}")));
        Assert.All(migrations, id => Assert.Contains($"WHERE [MigrationId] = N'{id}'", script, StringComparison.Ordinal));
    }

    [Fact]
    public void The_inbox_finds_what_staff_typed_with_wildcards_taken_literally_on_SQL_Server()
    {
        using var sql = new SqlServerStatements();
        var filter = new InboxFilter { Status = SubmissionStatus.New, Kind = ContactKind.Erasure, Search = " 50%_[spoed]\\ ", Page = 2 };

        var page = InboxQueries.Page(sql.Db, filter, new DateTime(2026, 10, 26, 0, 0, 0, DateTimeKind.Utc), 2).ToQueryString();

        // '[' is a wildcard on SQL Server (a set of characters): escaped like '%', '_' and the escape character itself.
        Assert.Contains(@"N'%50\%\_\[spoed]\\%'", page, StringComparison.Ordinal);
        Assert.Contains(@"[c].[Name] LIKE @pattern ESCAPE N'\'", page, StringComparison.Ordinal);
        Assert.Contains(@"[c].[Message] LIKE @pattern1 ESCAPE N'\'", page, StringComparison.Ordinal);
        Assert.Contains("ORDER BY CASE", page, StringComparison.Ordinal);
        Assert.Contains("[c].[ReceivedAt] DESC, [c].[Id]", page, StringComparison.Ordinal);
        Assert.Contains("OFFSET @p ROWS FETCH NEXT @p ROWS ONLY", page, StringComparison.Ordinal);
        Assert.Contains("[c].[Status] = @status AND [c].[Kind] = @kind", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_submission_and_its_mail_are_found_by_the_address_in_its_one_compared_form()
    {
        using var sql = new SqlServerStatements();

        var submissions = PersonQueries.Submissions(sql.Db, "  ZOË.Ødegård@Example.NL ").ToQueryString();
        var mails = PersonQueries.Mails(sql.Db, [Guid.NewGuid(), Guid.NewGuid()]).ToQueryString();

        Assert.Contains("N'zoë.ødegård@example.nl'", submissions, StringComparison.Ordinal);
        Assert.Contains("WHERE [c].[NormalizedEmail] = @normalized", submissions, StringComparison.Ordinal);
        Assert.DoesNotContain("LOWER(", submissions, StringComparison.Ordinal);
        Assert.Contains("WHERE [o].[ContactSubmissionId] IN (@ids1, @ids2)", mails, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_accounts_are_looked_up_by_their_normalised_address_on_SQL_Server()
    {
        using var sql = new SqlServerStatements();
        using var store = new UserStore<StaffUser>(sql.Db);

        Assert.Null(await store.FindByEmailAsync("KARIN@INTEROFFICE.NL"));
        Assert.Null(await store.FindByNameAsync("KARIN@INTEROFFICE.NL"));

        Assert.Contains("WHERE [a].[NormalizedEmail] = @normalizedEmail", sql.Sent[0], StringComparison.Ordinal);
        Assert.Contains("WHERE [a].[NormalizedUserName] = @normalizedUserName", sql.Sent[1], StringComparison.Ordinal);
    }
}
