using Interoffice.Web.Features.Consent;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Interoffice.Web.Tests.Data;

/// <summary>
/// The consent log on SQL Server, read without one: how its writers wait for each other, how a record is inserted,
/// and how the verifier reads the chain and its heads.
/// </summary>
public sealed class ConsentLogOnSqlServerTests
{
    [Fact]
    public async Task Consent_log_writers_on_SQL_Server_wait_for_one_application_lock_and_insert_one_record_per_statement()
    {
        using var sql = new SqlServerStatements();

        // The lock every writer takes first in its transaction: granted to one transaction at a time, on any instance.
        await sql.Db.Database.ExecuteSqlRawAsync(SerializedWrites.SqlServerLock, [ConsentLogBatch.WriterLock]);
        var lockSql = Assert.Single(sql.Sent);
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(lockSql), out var errors);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.Message)));
        Assert.Contains("EXEC @granted = sp_getapplock @Resource = @p0, @LockMode = 'Exclusive', @LockOwner = 'Transaction'", lockSql, StringComparison.Ordinal);
        Assert.Contains("IF @granted < 0 THROW", lockSql, StringComparison.Ordinal);

        // A record is inserted on its own, so that its id follows the chain (a multi-row MERGE does not promise the order).
        var record = new ConsentRecord { ConsentId = Guid.NewGuid().ToString(), PolicyVersion = new string('a', 64), BrowserFamily = "Chrome" };
        ConsentChain.Seal(record, ConsentChain.Genesis);
        sql.Db.Add(record);
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => sql.Db.SaveChangesAsync());
        var insert = sql.Sent[^1];
        Assert.Contains("INSERT INTO [ConsentRecords]", insert, StringComparison.Ordinal);
        Assert.Contains("OUTPUT INSERTED.[Id]", insert, StringComparison.Ordinal);
        Assert.DoesNotContain("MERGE", insert, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_consent_logs_verifier_reads_the_chain_in_order_on_SQL_Server()
    {
        await using var site = new SiteFactory();
        using var _ = site.CreateClient();
        using var sql = new SqlServerStatements();
        var verifier = new ConsentLogVerifier(sql.Db, site.Services.GetRequiredService<Interoffice.Web.Features.Privacy.PrivacyStatementProvider>(), site.Services.GetRequiredService<ConsentLogSigner>());

        await verifier.VerifyAsync(CancellationToken.None);

        Assert.Contains(sql.Sent, c => c.Contains("FROM [ConsentLogStart]", StringComparison.Ordinal));
        Assert.Contains(sql.Sent, c => c.Contains("FROM [ConsentSnapshots]", StringComparison.Ordinal));
        Assert.Contains(sql.Sent, c => c.Contains("FROM [ConsentLogKeys]", StringComparison.Ordinal));
        Assert.Contains(sql.Sent, c => c.Contains("FROM [ConsentLogHeads]", StringComparison.Ordinal) && c.TrimEnd().EndsWith("ORDER BY [c].[Size]", StringComparison.Ordinal));
        Assert.Contains(sql.Sent, c => c.Contains("FROM [ConsentRecords] AS [c]", StringComparison.Ordinal) && c.TrimEnd().EndsWith("ORDER BY [c].[Id]", StringComparison.Ordinal));
    }
}
