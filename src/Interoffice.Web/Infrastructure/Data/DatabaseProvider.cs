namespace Interoffice.Web.Infrastructure.Data;

/// <summary>The database the site runs on: SQLite (one instance, a file) or SQL Server (several instances).</summary>
public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
