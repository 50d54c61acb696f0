using Interoffice.Web.Features.Staff;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Infrastructure.Data;

/// <summary>
/// The site's one database. The model is provider-neutral; each provider has a subclass
/// only so that it can own its migration set (see <see cref="SqliteSiteDbContext"/>).
/// </summary>
public class SiteDbContext(DbContextOptions options) : IdentityDbContext<StaffUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Identity's schema version: 3 adds passkeys.</summary>
    public static readonly Version IdentitySchema = Microsoft.AspNetCore.Identity.IdentitySchemaVersions.Version3;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SiteDbContext).Assembly);
    }
}

/// <summary>The SQLite flavour; its migrations live in Migrations/Sqlite.</summary>
public sealed class SqliteSiteDbContext(DbContextOptions<SqliteSiteDbContext> options) : SiteDbContext(options);

/// <summary>The SQL Server flavour; its migrations live in Migrations/SqlServer.</summary>
public sealed class SqlServerSiteDbContext(DbContextOptions<SqlServerSiteDbContext> options) : SiteDbContext(options)
{
    /// <summary>A collation that compares code points, as SQLite does; the default one finds "straße" for "strasse".</summary>
    public const string ExactCollation = "Latin1_General_100_BIN2";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // The compared form of an address is made by the site (EmailAddresses): SQL Server must not fold it further.
        builder.Entity<Features.Contact.ContactSubmission>().Property(s => s.NormalizedEmail).UseCollation(ExactCollation);
    }
}
