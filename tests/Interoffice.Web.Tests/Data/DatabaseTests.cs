using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Interoffice.Web.Tests.Data;

public sealed class DatabaseTests
{
    [Fact]
    public void The_sqlite_migrations_cover_the_whole_model()
    {
        using var db = new SqliteSiteDbContext(new DbContextOptionsBuilder<SqliteSiteDbContext>().UseSqlite("Data Source=:memory:").UseApplicationServiceProvider(DesignTime.Services).Options);

        Assert.False(db.Database.HasPendingModelChanges(), "run dotnet ef migrations add for SqliteSiteDbContext");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void The_sql_server_migrations_cover_the_whole_model()
    {
        // Builds the model only: no server is contacted.
        using var db = new SqlServerSiteDbContext(new DbContextOptionsBuilder<SqlServerSiteDbContext>().UseSqlServer("Server=none").UseApplicationServiceProvider(DesignTime.Services).Options);

        Assert.False(db.Database.HasPendingModelChanges(), "run dotnet ef migrations add for SqlServerSiteDbContext");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public async Task The_default_run_creates_and_migrates_its_sqlite_file_at_start()
    {
        await using var site = new SiteFactory();
        using var _ = site.CreateClient();

        Assert.True(File.Exists(site.DatabasePath));
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task Two_instances_on_one_database_share_their_data_protection_keys_which_use_AES_GCM()
    {
        await using var first = new SiteFactory();
        await using var second = new SiteFactory { DatabasePath = first.DatabasePath };
        using var __ = first.CreateClient();

        var secret = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("aanmelding");
        using var ___ = second.CreateClient();
        var readBack = second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(secret);

        Assert.Equal("aanmelding", readBack);
        await using var scope = first.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<SiteDbContext>().DataProtectionKeys.ToListAsync();
        Assert.NotEmpty(keys);

        // What an auditor reads in the key: tokens and cookies are sealed with AES-256-GCM (authenticated encryption).
        Assert.All(keys, key => Assert.Contains("<encryption algorithm=\"AES_256_GCM\" />", key.Xml, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_migrate_verb_migrates_the_database_and_exits()
    {
        var path = SiteProcess.NewDatabasePath();

        var result = await SiteProcess.RunAsync(["migrate"], new Dictionary<string, string> { ["ConnectionStrings__Default"] = $"Data Source={path}" });

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("The database is migrated", result.Output, StringComparison.Ordinal);
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM __EFMigrationsHistory";
        Assert.Equal(new SqliteSiteDbContext(new DbContextOptionsBuilder<SqliteSiteDbContext>().UseSqlite("Data Source=:memory:").UseApplicationServiceProvider(DesignTime.Services).Options).Database.GetMigrations().Count(),
            (long)(await command.ExecuteScalarAsync())!);
        await connection.CloseAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(path);
    }
}
