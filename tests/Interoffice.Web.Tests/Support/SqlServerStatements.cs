using System.Data;
using System.Data.Common;
using Interoffice.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Interoffice.Web.Tests.Support;

/// <summary>
/// The site's SQL Server database without a server: the real provider translates every query, and an interceptor
/// takes each command before it would run (the connection is never opened), keeping its SQL and answering
/// "no rows". What production would send to SQL Server, read without one.
/// </summary>
public sealed class SqlServerStatements : IDisposable
{
    private readonly Recorder recorder = new();

    public SqlServerStatements() =>
        Db = new SqlServerSiteDbContext(new DbContextOptionsBuilder<SqlServerSiteDbContext>()
            .UseSqlServer("Server=sql.invalid;Database=Interoffice;Connect Timeout=1")
            .UseApplicationServiceProvider(DesignTime.Services)
            .AddInterceptors(recorder)
            .Options);

    public SqlServerSiteDbContext Db { get; }

    /// <summary>The SQL of every command the context would have sent, in order.</summary>
    public IReadOnlyList<string> Sent => recorder.Commands;

    public void Dispose() => Db.Dispose();

    private sealed class Recorder : IDbConnectionInterceptor, IDbCommandInterceptor
    {
        public List<string> Commands { get; } = [];

        public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) => InterceptionResult.Suppress();

        public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(InterceptionResult.Suppress());

        public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
            InterceptionResult<int>.SuppressWithResult(Keep(command, 0));

        public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(InterceptionResult<int>.SuppressWithResult(Keep(command, 0)));

        public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
            InterceptionResult<DbDataReader>.SuppressWithResult(Keep<DbDataReader>(command, NoRows()));

        public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(InterceptionResult<DbDataReader>.SuppressWithResult(Keep<DbDataReader>(command, NoRows())));

        public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
            InterceptionResult<object>.SuppressWithResult(Keep<object>(command, 0));

        public ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(InterceptionResult<object>.SuppressWithResult(Keep<object>(command, 0)));

        private T Keep<T>(DbCommand command, T answer)
        {
            lock (Commands)
            {
                Commands.Add(command.CommandText);
            }

            return answer;
        }

        private static DataTableReader NoRows()
        {
            using var table = new DataTable();
            return table.CreateDataReader();
        }
    }
}
