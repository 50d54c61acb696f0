using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Interoffice.Web.Infrastructure.Data;

// dotnet-ef builds the SQLite context through this (the SQL Server one through SqlServerDesignTimeFactory), so making
// or checking migrations never starts the site and never needs a database server.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSiteDbContext>
{
    public SqliteSiteDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSiteDbContext>()
            .UseSqlite("Data Source=design-time.db")
            .UseApplicationServiceProvider(DesignTime.Services)
            .Options);
}
