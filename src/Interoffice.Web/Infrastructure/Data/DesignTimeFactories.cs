using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Interoffice.Web.Infrastructure.Data;

// dotnet-ef builds the contexts through these, so making or checking migrations never starts the site
// and never needs a database server.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSiteDbContext>
{
    public SqliteSiteDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSiteDbContext>()
            .UseSqlite("Data Source=design-time.db")
            .Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerSiteDbContext>
{
    public SqlServerSiteDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerSiteDbContext>()
            .UseSqlServer("Server=(design-time);Database=Interoffice;Integrated Security=true")
            .Options);
}
