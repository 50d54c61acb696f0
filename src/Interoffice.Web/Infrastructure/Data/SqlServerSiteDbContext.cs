using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Infrastructure.Data;

/// <summary>The SQL Server flavour; its migrations live in Migrations/SqlServer.</summary>
public sealed class SqlServerSiteDbContext(DbContextOptions<SqlServerSiteDbContext> options) : SiteDbContext(options)
{
    /// <summary>A collation that compares code points, as SQLite does; the default one finds "straße" for "strasse".</summary>
    public const string ExactCollation = "Latin1_General_100_BIN2";

    // Found once: the features' SQL Server additions, applied after the shared model.
    private static readonly ISqlServerModelConfiguration[] SqlServerConfigurations =
    [
        .. typeof(SqlServerSiteDbContext).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ISqlServerModelConfiguration).IsAssignableFrom(t))
            .Select(t => (ISqlServerModelConfiguration)Activator.CreateInstance(t, nonPublic: true)!),
    ];

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        foreach (var configuration in SqlServerConfigurations)
        {
            configuration.ConfigureSqlServer(builder);
        }
    }
}
