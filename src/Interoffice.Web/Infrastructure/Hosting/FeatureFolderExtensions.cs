using Microsoft.AspNetCore.Mvc.Razor;

namespace Interoffice.Web.Infrastructure.Hosting;

/// <summary>Views beside their controller in its feature folder, then Shared.</summary>
public static class FeatureFolderExtensions
{
    public static IMvcBuilder AddFeatureFolders(this IMvcBuilder mvc)
    {
        ArgumentNullException.ThrowIfNull(mvc);
        mvc.AddMvcOptions(o => o.Conventions.Add(new FeatureFolderConvention()));
        mvc.Services.Configure<RazorViewEngineOptions>(o =>
        {
            o.ViewLocationFormats.Clear();
            o.ViewLocationFormats.Add("/Features/{feature}/{0}.cshtml");
            o.ViewLocationFormats.Add("/Features/Shared/{0}.cshtml");
            o.AreaViewLocationFormats.Clear();
            o.AreaViewLocationFormats.Add("/Areas/{2}/Features/{feature}/{0}.cshtml");
            o.AreaViewLocationFormats.Add("/Areas/{2}/Features/Shared/{0}.cshtml");
            o.AreaViewLocationFormats.Add("/Features/Shared/{0}.cshtml");
            o.ViewLocationExpanders.Add(new FeatureViewLocationExpander());
        });
        return mvc;
    }
}
