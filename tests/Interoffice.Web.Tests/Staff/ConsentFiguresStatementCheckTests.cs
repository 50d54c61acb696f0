using Interoffice.Web.Areas.Beheer.Features.ConsentFigures;
using Interoffice.Web.Features.Consent;
using Interoffice.Web.Features.Privacy;
using Interoffice.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Interoffice.Web.Tests.Staff;

/// <summary>"Klopt de privacyverklaring nog?": the statement's third parties against the services the site has on.</summary>
public sealed class ConsentFiguresStatementCheckTests
{
    private static readonly string ContentRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Interoffice.Web"));

    [Fact]
    public void A_statement_without_LinkedIn_leaves_the_LinkedIn_Insight_Tag_not_named()
    {
        var check = StatementCheck.Compare(["Google", "Hotjar", "Facebook (Meta)", "Twitter"], ServiceRegistry.All);

        Assert.Equal(["LinkedIn Insight Tag"], check.NotNamed.Select(s => s.Name));
        Assert.Equal(["Twitter"], check.NotUsed);
        Assert.False(check.Matches);
    }

    [Theory]
    [InlineData("Facebook (Meta)", "Meta", true)]
    [InlineData("google", "Google", true)]
    [InlineData("Google Ireland Ltd.", "Google", true)]
    [InlineData("Metaverse Ltd.", "Meta", false)]
    [InlineData("CDN Bootstrap", "Google", false)]
    [InlineData("LinkedIn", "Linked", false)]
    public void A_statement_entry_names_a_party_when_it_holds_the_party_as_a_word_in_any_case(string entry, string party, bool names) =>
        Assert.Equal(names, StatementCheck.Names(entry, party));

    [Fact]
    public async Task With_no_service_on_every_party_the_statement_names_is_listed_as_not_used()
    {
        await using var site = new SiteFactory();
        using var staff = await SignedInAsync(site);

        var page = await staff.PageAsync("/beheer/toestemmingen/cijfers");

        var named = site.Services.GetRequiredService<PrivacyStatementProvider>().Current.ThirdParties;
        Assert.NotEmpty(named);
        Assert.Equal(named, page.QuerySelectorAll("#niet-gebruikt li").Select(li => li.TextContent));
        Assert.Null(page.GetElementById("niet-genoemd"));
    }

    [Fact]
    public async Task A_statement_that_names_exactly_the_parties_in_use_is_said_to_match()
    {
        var relative = $"App_Data/tests/privacyverklaring-{Guid.NewGuid():N}";
        var folder = Path.Combine(ContentRoot, relative);
        Directory.CreateDirectory(folder);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "2026-11-25.md"), """
                ---
                title: Privacyverklaring
                version: "2"
                last-modified: 2026-11-25
                third-parties:
                  - Google
                  - Hotjar
                  - Meta (Facebook)
                  - LinkedIn
                ---

                ## Inleiding

                Tekst.
                """);
            await using var site = new SiteFactory().WithAllServices().With("Privacy:StatementFolder", relative);
            using var staff = await SignedInAsync(site);

            var page = await staff.PageAsync("/beheer/toestemmingen/cijfers");

            Assert.Equal(
                "Alles klopt: de privacyverklaring noemt elke partij van wie de website een dienst gebruikt, en geen andere partijen.",
                page.GetElementById("verklaring-klopt")?.TextContent.Normalized());
            Assert.Null(page.GetElementById("niet-gebruikt"));
            Assert.Null(page.GetElementById("niet-genoemd"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<Visitor> SignedInAsync(SiteFactory site)
    {
        await Support.Staff.CreateAsync(site, "joost@interoffice.nl");
        var staff = Visitor.Of(site);
        using var _ = await Support.Staff.SignInAsync(staff, "joost@interoffice.nl");
        return staff;
    }
}
