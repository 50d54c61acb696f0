using Interoffice.Web.Areas.Beheer.Features.ConsentFigures;
using Interoffice.Web.Areas.Beheer.Features.Inbox;
using Interoffice.Web.Features.Consent;
using Interoffice.Web.Features.Contact;
using Interoffice.Web.Features.MyData;
using Interoffice.Web.Features.Staff;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Email;
using Interoffice.Web.Tests.Support;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
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

        // What the parser alone lets through: SQL Server compiles a whole batch before running it, so a statement that
        // reads or writes a column added earlier in the same batch fails ("Invalid column name") unless it is in EXEC.
        Assert.Empty(ColumnsUsedInTheBatchThatAddsThem(script));

        // The compared form of an address is compared code point by code point, as on SQLite ("strasse" is not "straße").
        Assert.Contains("[NormalizedEmail] nvarchar(254) COLLATE Latin1_General_100_BIN2 NOT NULL", script, StringComparison.Ordinal);

        // SQLite lets a unique index hold many NULLs, SQL Server one: each such index is filtered to the non-NULL rows.
        Assert.All(
            sql.Db.Model.GetEntityTypes().SelectMany(e => e.GetIndexes()).Where(i => i.IsUnique && i.Properties.Any(p => p.IsNullable)),
            index => Assert.Contains("IS NOT NULL", index.GetFilter() ?? $"{index.DeclaringEntityType.DisplayName()}({string.Join(", ", index.Properties.Select(p => p.Name))}) unfiltered", StringComparison.Ordinal));

        // In CI, also the file the dotnet-ef tool wrote (the one an operator runs): the same script, parsed the same way.
        if (Environment.GetEnvironmentVariable("SQLSERVER_MIGRATION_SCRIPT") is { Length: > 0 } path)
        {
            var written = File.ReadAllText(path);
            new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(written), out var fileErrors);
            Assert.True(fileErrors.Count == 0, string.Join("\n", fileErrors.Select(e => $"{path} line {e.Line}: {e.Message}")));
            Assert.Equal(script.ReplaceLineEndings("\n").Trim(), written.ReplaceLineEndings("\n").Trim());
        }
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
        // Overdue is the stored due date against a parameter, never month arithmetic in SQL.
        Assert.Contains("[c].[DueAt] < @now", page, StringComparison.Ordinal);
        Assert.Contains("[c].[DueAt] IS NOT NULL", page, StringComparison.Ordinal);
        Assert.DoesNotContain("DATEADD", page, StringComparison.Ordinal);
        Assert.Contains("[c].[ReceivedAt] DESC, [c].[Id]", page, StringComparison.Ordinal);

        // Text beyond ASCII is not looked for in the varchar reference: SQL Server would convert a full-width ％ to %.
        var fullWidth = InboxQueries.Filtered(sql.Db, new InboxFilter { Search = "５０％" }).ToQueryString();
        Assert.Contains("[c].[Message] LIKE", fullWidth, StringComparison.Ordinal);
        Assert.DoesNotContain("[c].[Reference] LIKE", fullWidth, StringComparison.Ordinal);
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
        Assert.Contains("WHERE [o].[CorrelationId] IN (@ids1, @ids2)", mails, StringComparison.Ordinal);
    }

    [Fact]
    public void The_mail_state_staff_read_comes_from_the_outbox_in_one_statement_on_SQL_Server()
    {
        using var sql = new SqlServerStatements();
        var now = new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);

        var states = InboxQueries.MailStates(sql.Db, InboxQueries.Page(sql.Db, new InboxFilter(), now, 2)).ToQueryString();
        var latest = OutboxQueries.Latest(sql.Db, Guid.NewGuid()).ToQueryString();

        // Only the latest mail about each submission on the page counts, and only the fields that tell its state are read.
        Assert.Contains("NOT EXISTS (", states, StringComparison.Ordinal);
        Assert.Contains("OFFSET 20 ROWS FETCH NEXT 20 ROWS ONLY", states, StringComparison.Ordinal);
        Assert.DoesNotContain("[TextBody]", states, StringComparison.Ordinal);
        Assert.Contains("WHERE [o].[CorrelationId] = @correlationId", latest, StringComparison.Ordinal);
        Assert.Contains("ORDER BY [o].[Id] DESC", latest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_accounts_are_looked_up_by_their_normalized_address_on_SQL_Server()
    {
        using var sql = new SqlServerStatements();
        using var store = new UserStore<StaffUser>(sql.Db);

        Assert.Null(await store.FindByEmailAsync("KARIN@INTEROFFICE.NL"));
        Assert.Null(await store.FindByNameAsync("KARIN@INTEROFFICE.NL"));

        Assert.Contains("WHERE [a].[NormalizedEmail] = @normalizedEmail", sql.Sent[0], StringComparison.Ordinal);
        Assert.Contains("WHERE [a].[NormalizedUserName] = @normalizedUserName", sql.Sent[1], StringComparison.Ordinal);

        // The account list of the `staff list` verb, and a staff member's passkeys.
        Assert.Contains("ORDER BY [a].[Email]", store.Users.OrderBy(u => u.Email).ToQueryString(), StringComparison.Ordinal);
        await store.GetPasskeysAsync(new StaffUser { Id = "b1", UserName = "karin@interoffice.nl" }, CancellationToken.None);
        Assert.Contains("FROM [AspNetUserPasskeys]", sql.Sent[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Consent_lookups_the_evidence_the_period_export_and_the_figures_translate_for_SQL_Server()
    {
        using var sql = new SqlServerStatements();
        var start = new DateTime(2026, 10, 31, 23, 0, 0, DateTimeKind.Utc);
        var end = start.AddDays(30);

        var of = ConsentQueries.Of(sql.Db, "5b0d3c1e-0f4a-4a57-9d3c-2d7e1f0a9b11").ToQueryString();
        var following = ConsentQueries.Following(sql.Db, [new string('a', 64), new string('b', 64)]).ToQueryString();
        var snapshots = ConsentQueries.Snapshots(sql.Db, [new string('c', 64), new string('d', 64)]).ToQueryString();
        var period = ConsentQueries.RecordedBetween(sql.Db, start, end).ToQueryString();
        var figures = FigureRow.Of(sql.Db, new FiguresPeriod(DateOnly.FromDateTime(start.AddDays(1)), DateOnly.FromDateTime(end))).ToQueryString();
        var sealedBefore = ConsentQueries.SealedBefore(sql.Db, 42).Select(r => new { r.Id, r.Hash, r.RecordedAt }).ToQueryString();
        var tail = ConsentQueries.LastSealedHash(sql.Db).Take(1).ToQueryString();
        Assert.Contains("WHERE [c].[ConsentId] = @consentId", of, StringComparison.Ordinal);
        Assert.Contains("ORDER BY [c].[Id]", of, StringComparison.Ordinal);
        Assert.Contains("[c].[PreviousHash] IN (@list1, @list2)", following, StringComparison.Ordinal);
        Assert.Contains("WHERE [c].[Hash] IN (@list1, @list2)", snapshots, StringComparison.Ordinal);
        Assert.Contains("WHERE [c].[RecordedAt] >= @startUtc AND [c].[RecordedAt] < @endUtc", period, StringComparison.Ordinal);
        Assert.Contains("ORDER BY [c].[RecordedAt], [c].[Id]", period, StringComparison.Ordinal);
        Assert.DoesNotContain("[c].[ConsentId]", figures, StringComparison.Ordinal);
        Assert.DoesNotContain("[c].[BrowserFamily]", figures, StringComparison.Ordinal);
        Assert.Contains("SELECT [c].[RecordedAt], [c].[PolicyVersion], [c].[Method]", figures, StringComparison.Ordinal);
        Assert.Contains("WHERE [c].[Hash] IS NOT NULL AND [c].[Id] < @firstKept", sealedBefore, StringComparison.Ordinal);
        Assert.Contains("ORDER BY [c].[Id] DESC", sealedBefore, StringComparison.Ordinal);
        Assert.Contains("SELECT TOP(@p) [c].[Hash]", tail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retention_and_erasure_delete_with_statements_SQL_Server_runs_as_written()
    {
        using var sql = new SqlServerStatements();
        var cutoff = new DateTime(2024, 11, 26, 0, 0, 0, DateTimeKind.Utc);
        List<Guid> ids = [Guid.NewGuid(), Guid.NewGuid()];

        await OutboxQueries.About(sql.Db, SubmissionDeletion.Ids(sql.Db, s => s.ReceivedAt < cutoff, ContactSubmission.Erasable(cutoff))).ExecuteDeleteAsync();
        await OutboxQueries.About(sql.Db, SubmissionDeletion.Ids(sql.Db, s => ids.Contains(s.Id), ContactSubmission.Erasable(cutoff))).ExecuteDeleteAsync();
        await AuditLog.Before(sql.Db, cutoff).ExecuteDeleteAsync();
        await ConsentQueries.Through(sql.Db, 42).ExecuteDeleteAsync();
        await ConsentQueries.AdvanceStartAsync(sql.Db, 42, new string('d', 64), cutoff, 7, CancellationToken.None);
        await ConsentQueries.Unreferenced(sql.Db, new string('e', 64), cutoff).ExecuteDeleteAsync();
        Assert.Equal(6, sql.Sent.Count);
        Assert.Contains("WHERE [c].[ReceivedAt] < @cutoff", sql.Sent[0], StringComparison.Ordinal);
        Assert.StartsWith("DELETE FROM [o]\nFROM [OutboxMessages] AS [o]\nWHERE [o].[CorrelationId] IN (", sql.Sent[1].ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("WHERE [c].[Id] IN (@ids1, @ids2)", sql.Sent[1], StringComparison.Ordinal);
        Assert.Contains("DELETE FROM [a]\nFROM [AuditEntries] AS [a]\nWHERE [a].[At] < @cutoff", sql.Sent[2].ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("WHERE [c].[Id] <= @lastId", sql.Sent[3], StringComparison.Ordinal);

        // The log's start only ever moves forward, in one statement, so two instances at once cannot move it back.
        Assert.Contains("[c].[RemovedCount] = [c].[RemovedCount] + @", sql.Sent[4], StringComparison.Ordinal);
        Assert.Contains("WHERE [c].[Id] = 1 AND [c].[RemovedThroughId] < @lastId", sql.Sent[4], StringComparison.Ordinal);
        Assert.Contains("NOT EXISTS (", sql.Sent[5], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_outbox_claim_is_one_conditional_update_and_the_audit_log_pages_on_SQL_Server()
    {
        using var sql = new SqlServerStatements();
        var now = new DateTime(2026, 11, 26, 12, 0, 0, DateTimeKind.Utc);

        var due = OutboxQueries.Due(sql.Db, now, 25, ["nieuwsbrief"]).ToQueryString();
        await OutboxQueries.ClaimAsync(sql.Db, 7, now, Guid.NewGuid(), now.AddSeconds(60), CancellationToken.None);
        var claimed = OutboxQueries.Claimed(sql.Db, 7, Guid.NewGuid()).ToQueryString();
        var audit = AuditLog.Page(sql.Db, 3, 50).ToQueryString();
        var owned = OutboxQueries.PickupFiles(sql.Db).ToQueryString();
        Assert.Contains("SELECT TOP(@p) [o].[Id], [o].[Lane]", due, StringComparison.Ordinal);
        Assert.Contains("([o].[Lane] IS NULL OR [o].[Lane] <> @full1)", due, StringComparison.Ordinal);
        Assert.Contains("ORDER BY [o].[Id]", due, StringComparison.Ordinal);

        // Won only if still due and held by nobody: the condition is part of the one UPDATE, not read before it.
        var claim = Assert.Single(sql.Sent).ReplaceLineEndings("\n");
        Assert.StartsWith("UPDATE [o]\nSET [o].[ClaimToken] = @", claim, StringComparison.Ordinal);
        Assert.Contains("WHERE [o].[Id] = @id AND [o].[SentAt] IS NULL AND [o].[DeadAt] IS NULL AND [o].[NextAttemptAt] <= @now AND ([o].[ClaimedUntil] IS NULL OR [o].[ClaimedUntil] < @", claim, StringComparison.Ordinal);
        Assert.Contains("WHERE [o].[Id] = @id AND [o].[ClaimToken] = @token", claimed, StringComparison.Ordinal);
        Assert.Contains("SELECT [o].[PickupFile]\nFROM [OutboxMessages] AS [o]\nWHERE [o].[PickupFile] IS NOT NULL", owned.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("ORDER BY [a].[Id] DESC\nOFFSET @p ROWS FETCH NEXT @p1 ROWS ONLY", audit.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_newsletter_counts_and_deletes_in_single_statements_on_SQL_Server()
    {
        using var sql = new SqlServerStatements();
        var cutoff = new DateTime(2026, 11, 26, 12, 0, 0, DateTimeKind.Utc);

        var byDay = Interoffice.Web.Features.Newsletter.NewsletterFigures.UnsubscribedByDay(sql.Db, new DateOnly(2026, 1, 1)).ToQueryString().ReplaceLineEndings("\n");
        await OutboxQueries.DoneAbout(sql.Db, sql.Db.Set<Interoffice.Web.Features.Newsletter.Subscriber>().Select(s => (Guid?)s.Id), cutoff).ExecuteDeleteAsync();

        Assert.Contains("GROUP BY [n].[UnsubscribedOn]", byDay, StringComparison.Ordinal);
        Assert.Contains("WHERE [n].[UnsubscribedOn] >= @since", byDay, StringComparison.Ordinal);
        var delete = Assert.Single(sql.Sent).ReplaceLineEndings("\n");
        Assert.StartsWith("DELETE FROM [o]", delete, StringComparison.Ordinal);
        Assert.Contains("FROM [NewsletterSubscribers] AS [n]", delete, StringComparison.Ordinal);
        Assert.Contains("([o].[SentAt] < @cutoff OR [o].[DeadAt] < @cutoff)", delete, StringComparison.Ordinal);
    }

    /// <summary>"batch N: column" for each data statement that names a column an ALTER TABLE in its own batch adds.</summary>
    private static List<string> ColumnsUsedInTheBatchThatAddsThem(string script)
    {
        var parsed = (TSqlScript)new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(script), out _);
        var found = new List<string>();
        for (var i = 0; i < parsed.Batches.Count; i++)
        {
            var batch = parsed.Batches[i];
            var added = new AddedColumns();
            batch.Accept(added);
            var used = new DataStatementColumns();
            batch.Accept(used);
            found.AddRange(used.Names.Intersect(added.Names, StringComparer.OrdinalIgnoreCase).Select(c => $"batch {i + 1}: {c}"));
        }

        return found;
    }

    private sealed class AddedColumns : TSqlFragmentVisitor
    {
        public HashSet<string> Names { get; } = new(StringComparer.OrdinalIgnoreCase);

        public override void Visit(AlterTableAddTableElementStatement node)
        {
            ArgumentNullException.ThrowIfNull(node);
            foreach (var column in node.Definition.ColumnDefinitions)
            {
                Names.Add(column.ColumnIdentifier.Value);
            }
        }
    }

    private sealed class DataStatementColumns : TSqlFragmentVisitor
    {
        public HashSet<string> Names { get; } = new(StringComparer.OrdinalIgnoreCase);

        public override void Visit(UpdateStatement node) => Collect(node);

        public override void Visit(InsertStatement node) => Collect(node);

        public override void Visit(DeleteStatement node) => Collect(node);

        private void Collect(TSqlFragment statement)
        {
            var columns = new ColumnNames();
            statement.Accept(columns);
            Names.UnionWith(columns.Names);
        }
    }

    private sealed class ColumnNames : TSqlFragmentVisitor
    {
        public HashSet<string> Names { get; } = new(StringComparer.OrdinalIgnoreCase);

        public override void Visit(ColumnReferenceExpression node)
        {
            ArgumentNullException.ThrowIfNull(node);
            if (node.MultiPartIdentifier?.Identifiers is { Count: > 0 } parts)
            {
                Names.Add(parts[^1].Value);
            }
        }
    }
}
