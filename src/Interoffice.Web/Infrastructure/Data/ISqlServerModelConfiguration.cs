using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Infrastructure.Data;

/// <summary>
/// How a feature's entities differ on SQL Server (a collation, say). A feature implements it beside its entity
/// configuration; <see cref="SqlServerSiteDbContext"/> finds every implementation and applies it after the shared model.
/// </summary>
public interface ISqlServerModelConfiguration
{
    void ConfigureSqlServer(ModelBuilder builder);
}
