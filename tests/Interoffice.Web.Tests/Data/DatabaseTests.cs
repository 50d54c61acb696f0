using Interoffice.Web.Features.Staff;
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
        await using var second = new SiteFactory { DatabasePath = first.DatabasePath, Clock = first.Clock };
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
    public async Task A_value_longer_than_its_column_is_refused_on_SQLite_as_SQL_Server_would()
    {
        await using var site = new SiteFactory();
        using var _ = site.CreateClient();
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        var before = await db.Set<AuditEntry>().CountAsync();
        var name = "medewerker-" + new string('x', 250) + "@interoffice.nl";
        db.Add(new AuditEntry { At = TestTime.Start.UtcDateTime, Actor = name, Action = AuditAction.SignIn });

        var refused = await Assert.ThrowsAsync<StoredValueTooLongException>(() => db.SaveChangesAsync());

        Assert.Contains("AuditEntry.Actor is 276 characters long; its column holds 256", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("medewerker", refused.Message, StringComparison.Ordinal);
        db.ChangeTracker.Clear();
        Assert.Equal(before, await db.Set<AuditEntry>().CountAsync());
    }

    [Fact]
    public void Every_string_column_has_a_length_unless_it_holds_text_of_any_size_on_purpose()
    {
        using var db = new SqlServerSiteDbContext(new DbContextOptionsBuilder<SqlServerSiteDbContext>().UseSqlServer("Server=none").UseApplicationServiceProvider(DesignTime.Services).Options);

        var unbounded = db.Model.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Where(p => p.ClrType == typeof(string) && p.GetMaxLength() is null).Select(p => $"{e.DisplayName()}.{p.Name}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(UnboundedOnPurpose.Order(StringComparer.Ordinal), unbounded);
    }

    // Mail bodies, the snapshot of what a visitor saw, Data Protection's key XML, and Identity's own ids (keys: nvarchar(450)
    // on SQL Server), hashes, stamps, claims and passkey data (the name staff give a passkey is cut to 50 characters).
    private static readonly string[] UnboundedOnPurpose =
    [
        "StoredSnapshot.Content",
        "DataProtectionKey.FriendlyName",
        "DataProtectionKey.Xml",
        "IdentityPasskeyData.Name",
        "IdentityRole.ConcurrencyStamp",
        "IdentityRole.Id",
        "IdentityRoleClaim<string>.ClaimType",
        "IdentityRoleClaim<string>.ClaimValue",
        "IdentityRoleClaim<string>.RoleId",
        "IdentityUserClaim<string>.ClaimType",
        "IdentityUserClaim<string>.ClaimValue",
        "IdentityUserClaim<string>.UserId",
        "IdentityUserLogin<string>.ProviderDisplayName",
        "IdentityUserLogin<string>.UserId",
        "IdentityUserPasskey<string>.UserId",
        "IdentityUserRole<string>.RoleId",
        "IdentityUserRole<string>.UserId",
        "IdentityUserToken<string>.UserId",
        "IdentityUserToken<string>.Value",
        "OutboxMessage.HtmlBody",
        "OutboxMessage.TextBody",
        "StaffUser.ConcurrencyStamp",
        "StaffUser.Id",
        "StaffUser.PasswordHash",
        "StaffUser.SecurityStamp",
    ];

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
