using System.Security.Cryptography;
using Interoffice.Web.Features.Consent;
using Interoffice.Web.Tests.Support;
using Serilog.Events;

namespace Interoffice.Web.Tests.Consent;

/// <summary>
/// The consent log's signing key as an operator handles it: configured, rotated, forgotten in Production, wrong, or
/// made by Development; and as an auditor meets it, published.
/// </summary>
public sealed class ConsentLogKeyTests
{
    [Fact]
    public async Task A_rotated_key_signs_from_then_on_and_old_heads_stay_verifiable_with_the_old_public_key()
    {
        var oldKey = SigningKeys.New();
        var newKey = SigningKeys.New();
        var oldPublic = new string(PemEncoding.Write("PUBLIC KEY", SignedConsentLogTests.PublicKeyOf(oldKey)));
        await using var before = new SiteFactory().WithAllServices().With("Consent:SigningKey", oldKey);
        await ConsentLogFile.ChooseAsync(before, 2);

        await using var after = new SiteFactory { DatabasePath = before.DatabasePath, Clock = before.Clock }.WithAllServices()
            .With("Consent:SigningKey", newKey).With("Consent:PreviousSigningKeys", oldPublic);
        await ConsentLogFile.ChooseAsync(after, 2);

        var heads = await ConsentLogFile.HeadsAsync(after);
        var (oldPrint, newPrint) = (Convert.ToHexStringLower(SHA256.HashData(SignedConsentLogTests.PublicKeyOf(oldKey))), Convert.ToHexStringLower(SHA256.HashData(SignedConsentLogTests.PublicKeyOf(newKey))));
        Assert.Equal([oldPrint, oldPrint, newPrint, newPrint], heads.Select(h => h.KeyFingerprint));
        var (code, output) = await ConsentLogFile.VerifyAsync(after);
        Assert.True(code == 0, output);
        Assert.True(output.IndexOf($"Sleutel {oldPrint}", StringComparison.Ordinal) < output.IndexOf($"Sleutel {newPrint}", StringComparison.Ordinal), output);

        // Published oldest first; an auditor checks the log with that file alone, without any key configured.
        var published = await (await Visitor.Of(after).SendAsync(HttpMethod.Get, "/.well-known/consent-log-keys.pem")).Content.ReadAsStringAsync();
        Assert.Equal([oldPrint, newPrint], ConsentLogSigner.PublicKeysIn(published).Select(ConsentLogSigner.FingerprintOf));
        Assert.Contains($"SHA-256 {newPrint}, in gebruik sinds ", published, StringComparison.Ordinal);
        var keysFile = Path.Combine(after.DataFolder, "keys.pem");
        await File.WriteAllTextAsync(keysFile, published);
        var auditor = await SiteProcess.RunAsync(["consent", "verify", "--keys", keysFile],
            new Dictionary<string, string> { ["ConnectionStrings__Default"] = $"Data Source={after.DatabasePath}", ["Consent__SigningKey"] = "" });
        Assert.True(auditor.ExitCode == 0, auditor.Output);
        Assert.Contains("intact: 4 keuzes", auditor.Output, StringComparison.Ordinal);

        // Without the old public key configured, the old heads can no longer be trusted.
        await using var forgot = new SiteFactory { DatabasePath = before.DatabasePath, Clock = before.Clock }.WithAllServices().With("Consent:SigningKey", newKey);
        var untrusted = await ConsentLogFile.VerifyAsync(forgot);
        Assert.Equal(1, untrusted.ExitCode);
        Assert.Contains("De keten breekt bij de ondertekende kop over 1 keuzes: zij is ondertekend met een sleutel", untrusted.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_without_a_key_starts_warns_and_every_check_says_the_log_is_unsigned()
    {
        await using var site = new SiteFactory().WithAllServices().With("Consent:SigningKey", "");
        await ConsentLogFile.ChooseAsync(site, 2);

        Assert.Contains(site.LogEvents, e => e.Level == LogEventLevel.Warning && e.MessageTemplate.Text.StartsWith("The consent log is NOT signed", StringComparison.Ordinal));
        Assert.Empty(await ConsentLogFile.HeadsAsync(site));
        var (code, output) = await ConsentLogFile.VerifyAsync(site);
        Assert.Equal(0, code);
        Assert.Contains("Het toestemmingslog is intact: 2 keuzes en 1 momentopnamen kloppen. Let op: het log is NIET ondertekend", output, StringComparison.Ordinal);
        Assert.Contains("Let op: het log wordt NIET ondertekend: stel Consent:SigningKeyPath of Consent:SigningKey in.", output, StringComparison.Ordinal);

        await Support.Staff.CreateAsync(site, "sanne@interoffice.nl");
        using var staff = Visitor.Of(site);
        using var signedIn = await Support.Staff.SignInAsync(staff, "sanne@interoffice.nl");
        var page = await staff.PageAsync("/beheer/toestemmingen");
        Assert.Contains("Het toestemmingslog wordt niet ondertekend: er is geen sleutel ingesteld", page.QuerySelector("[data-unsigned]")?.TextContent.Normalized(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_that_is_not_an_EC_P256_private_key_stops_the_start_with_a_message_for_the_operator()
    {
        using var rsa = RSA.Create(2048);
        var path = SiteProcess.NewDatabasePath();
        var keyFile = Path.Combine(Path.GetDirectoryName(path)!, "sleutel.pem");
        await File.WriteAllTextAsync(keyFile, rsa.ExportPkcs8PrivateKeyPem());

        var result = await SiteProcess.RunAsync(["consent", "verify"], new Dictionary<string, string>
        {
            ["ConnectionStrings__Default"] = $"Data Source={path}", ["Consent__SigningKey"] = "", ["Consent__SigningKeyPath"] = keyFile,
        });

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("is not a PEM EC P-256 private key", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_without_a_key_makes_one_in_the_users_profile_readable_by_the_user_only()
    {
        var profile = Path.GetDirectoryName(SiteProcess.NewDatabasePath())!;
        await using var site = await RunningSite.StartAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development", ["DOTNET_ENVIRONMENT"] = "Development", ["HOME"] = profile, ["XDG_CONFIG_HOME"] = Path.Combine(profile, ".config"),
            ["Consent__SigningKey"] = "", ["ConnectionStrings__Default"] = $"Data Source={Path.Combine(profile, "interoffice.db")}",
        });

        var key = Path.Combine(profile, ".config", "Interoffice", "consent-log-signing-key.pem");
        Assert.True(File.Exists(key), site.Output);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
        }

        var published = await site.Client.GetStringAsync(new Uri("/.well-known/consent-log-keys.pem", UriKind.Relative));
        Assert.Equal([Convert.ToHexStringLower(SHA256.HashData(SignedConsentLogTests.PublicKeyOf(await File.ReadAllTextAsync(key))))], ConsentLogSigner.PublicKeysIn(published).Select(ConsentLogSigner.FingerprintOf));
    }
}
