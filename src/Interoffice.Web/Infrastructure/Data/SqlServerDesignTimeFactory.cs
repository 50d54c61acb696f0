using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Interoffice.Web.Infrastructure.Data;

// dotnet-ef builds the SQL Server context through this, so making a migration or its script needs no server.
internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerSiteDbContext>
{
    public SqlServerSiteDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerSiteDbContext>()
            .UseSqlServer("Server=(design-time);Database=Interoffice;Integrated Security=true")
            .UseApplicationServiceProvider(DesignTime.Services)
            .Options);
}
