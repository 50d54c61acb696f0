using System.Xml.Linq;
using Interoffice.Web.Tests.Support;

namespace Interoffice.Web.Tests.Staff;

/// <summary>The staff area names the release it runs, as Directory.Build.props gives it.</summary>
public sealed class StaffFooterTests
{
    [Fact]
    public async Task A_signed_in_staff_page_shows_the_release_of_Directory_Build_props_in_its_footer()
    {
        await using var site = new SiteFactory();
        await Support.Staff.CreateAsync(site, "anna@interoffice.nl");
        using var staff = Visitor.Of(site);
        using var _ = await Support.Staff.SignInAsync(staff, "anna@interoffice.nl");

        var page = await staff.PageAsync("/beheer");

        var footer = page.QuerySelector("footer");
        Assert.NotNull(footer);
        Assert.Equal($"Interoffice website {ReleaseInProps()}", footer.TextContent.Trim());
    }

    [Fact]
    public async Task The_sign_in_page_does_not_name_the_release()
    {
        await using var site = new SiteFactory();
        using var visitor = Visitor.Of(site);

        var page = await visitor.PageAsync("/beheer/inloggen");

        Assert.Null(page.QuerySelector("footer"));
        Assert.DoesNotContain(ReleaseInProps(), page.Body!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>The &lt;Version&gt; in the repository's Directory.Build.props, found above the test's output folder.</summary>
    private static string ReleaseInProps()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Directory.Build.props")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        var version = XDocument.Load(Path.Combine(directory.FullName, "Directory.Build.props")).Descendants("Version").Single().Value;
        Assert.Matches(@"^\d+\.\d+\.\d+$", version);
        return version;
    }
}
