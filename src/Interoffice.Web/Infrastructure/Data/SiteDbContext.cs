using Interoffice.Web.Features.Staff;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Infrastructure.Data;

/// <summary>
/// The site's one database. The model is provider-neutral; each provider has a subclass
/// only so that it can own its migration set (see <see cref="SqliteSiteDbContext"/>). It names the staff account type
/// only because Identity's EF store is a context of its user type; every other feature brings its own configuration.
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
