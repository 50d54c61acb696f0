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
            .UseApplicationServiceProvider(DesignTime.Services)
            .Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerSiteDbContext>
{
    public SqlServerSiteDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerSiteDbContext>()
            .UseSqlServer("Server=(design-time);Database=Interoffice;Integrated Security=true")
            .UseApplicationServiceProvider(DesignTime.Services)
            .Options);
}

/// <summary>
/// Identity reads its schema version from IdentityOptions in the application's services (the site sets it in AddStaff);
/// a context made without the site, by dotnet-ef or a test, gets the same from here.
/// </summary>
public static class DesignTime
{
    public static IServiceProvider Services { get; } = new ServiceCollection()
        .Configure<Microsoft.AspNetCore.Identity.IdentityOptions>(o => o.Stores.SchemaVersion = SiteDbContext.IdentitySchema)
        .BuildServiceProvider();
}
