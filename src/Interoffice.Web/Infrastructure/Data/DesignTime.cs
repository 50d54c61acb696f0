namespace Interoffice.Web.Infrastructure.Data;

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
