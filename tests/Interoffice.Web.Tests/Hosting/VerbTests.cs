using Interoffice.Web.Infrastructure.Hosting;
using Interoffice.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Interoffice.Web.Tests.Hosting;

/// <summary>The command line's verbs are registered by the features that own them; the README names each.</summary>
public sealed class VerbTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Theory]
    [InlineData("migrate")]
    [InlineData("staff")]
    [InlineData("consent")]
    [InlineData("backup")]
    public void Every_verb_the_README_names_is_registered(string verb)
    {
        Assert.NotNull(site.Services.GetKeyedService<Verb>(verb));
    }
}
