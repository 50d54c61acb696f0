using System.Net;
using Interoffice.Web.Features.Staff;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Interoffice.Web.Tests.Staff;

/// <summary>
/// What a backup of the database holds of two-step sign-in, read as someone holding the backup would read it: the
/// bytes of the data folder. Neither the authenticator key nor any recovery code is there, and signing in still works.
/// </summary>
public sealed class SecretsAtRestTests
{
    [Fact]
    public async Task After_two_step_sign_in_is_switched_on_the_data_folder_holds_neither_the_key_nor_any_recovery_code()
    {
        await using var site = new SiteFactory();
        await Support.Staff.CreateAsync(site, "karin@interoffice.nl");
        using var staff = Visitor.Of(site);
        using (var _ = await Support.Staff.SignInAsync(staff, "karin@interoffice.nl"))
        {
        }

        var (key, codes) = await Support.Staff.EnableTwoFactorWithCodesAsync(staff);

        AssertNotOnDisk(site, key, codes);
        await AssertSignsInAsync(site, key, codes[0]);
    }

    [Fact]
    public async Task Secrets_that_1_0_kept_in_plain_text_are_sealed_at_the_next_retention_round_and_still_sign_in()
    {
        await using var site = new SiteFactory();
        await Support.Staff.CreateAsync(site, "karin@interoffice.nl");
        const string key = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        string[] codes = ["K7M3P-Q9RTV", "B4C6D-F8GHJ", "W2X3Y-M4N5P"];
        await using (var scope = site.Services.CreateAsyncScope())
        {
            // As 1.0's store wrote them: the key and the codes as they are.
            var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
            var user = await db.Set<StaffUser>().SingleAsync();
            user.TwoFactorEnabled = true;
            db.AddRange(
                new IdentityUserToken<string> { UserId = user.Id, LoginProvider = "[AspNetUserStore]", Name = "AuthenticatorKey", Value = key },
                new IdentityUserToken<string> { UserId = user.Id, LoginProvider = "[AspNetUserStore]", Name = "RecoveryCodes", Value = string.Join(";", codes) });
            await db.SaveChangesAsync();
        }

        Assert.NotEmpty(DataFolder.FilesContaining(site.DataFolder, key));
        var result = await site.Services.GetRequiredService<RetentionJob>().RunOnceAsync(CancellationToken.None);

        Assert.Contains(result.Deleted, d => d.Key == "plain-text two-step secrets" && d.Value == 2);
        AssertNotOnDisk(site, key, codes);
        await AssertSignsInAsync(site, key, codes[1]);
    }

    private static void AssertNotOnDisk(SiteFactory site, string key, IReadOnlyList<string> codes)
    {
        Assert.Empty(DataFolder.FilesContaining(site.DataFolder, key));
        foreach (var code in codes)
        {
            Assert.Empty(DataFolder.FilesContaining(site.DataFolder, code));
            Assert.Empty(DataFolder.FilesContaining(site.DataFolder, code.Replace("-", "", StringComparison.Ordinal)));
        }
    }

    // The code from the app, and a recovery code, both through the sign-in pages.
    private static async Task AssertSignsInAsync(SiteFactory site, string key, string recoveryCode)
    {
        using var withApp = Visitor.Of(site);
        using (var password = await Support.Staff.SignInAsync(withApp, "karin@interoffice.nl"))
        {
            Assert.EndsWith("/beheer/inloggen/code", password.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }

        using var code = await Support.Staff.PostStepAsync(withApp, "/beheer/inloggen/code", "Code", Support.Staff.TotpCode(key));
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);

        using var withRecovery = Visitor.Of(site);
        using (var _ = await Support.Staff.SignInAsync(withRecovery, "karin@interoffice.nl"))
        {
        }

        using var recovery = await Support.Staff.PostStepAsync(withRecovery, "/beheer/inloggen/herstelcode", "Code", recoveryCode);
        Assert.Equal(HttpStatusCode.Redirect, recovery.StatusCode);
    }
}
