using Interoffice.Web.Tests.Support;

namespace Interoffice.Web.Tests.Consent;

/// <summary>What an operator sees when the consent settings are wrong: the site refuses to start and says why.</summary>
public sealed class ConsentConfigurationTests
{
    [Theory]
    [InlineData("Consent__Services__GoogleAnalytics__Id", "G-1');alert(1);('", "Consent:Services:GoogleAnalytics:Id")]
    [InlineData("Consent__Services__MetaPixel__Id", "abc", "Consent:Services:MetaPixel:Id")]
    [InlineData("Consent__Services__Matomo__Id", "1", "Matomo is not a known service")]
    [InlineData("Consent__Services__YouTube__Id", "abcdefghijk", "YouTube takes no Id")]
    [InlineData("Consent__AcceptedLifetimeMonths", "24", "AcceptedLifetimeMonths")]
    public async Task A_wrong_consent_setting_stops_the_start_with_a_message_naming_it(string key, string value, string message)
    {
        var result = await SiteProcess.RunAsync(["--urls", "http://127.0.0.1:0"], new Dictionary<string, string>
        {
            ["ConnectionStrings__Default"] = $"Data Source={SiteProcess.NewDatabasePath()}",
            [key] = value,
        });

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.Output, StringComparison.Ordinal);
    }
}
