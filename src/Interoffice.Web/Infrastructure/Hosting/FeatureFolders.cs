using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Razor;

namespace Interoffice.Web.Infrastructure.Hosting;

/// <summary>
/// Views live beside their controller in Features/{Feature}/ (or Areas/{Area}/{Feature}/),
/// the feature being the namespace segment after "Features".
/// </summary>
internal sealed class FeatureFolderConvention : IControllerModelConvention
{
    public const string Key = "feature";

    public void Apply(ControllerModel controller)
    {
        var segments = controller.ControllerType.Namespace?.Split('.') ?? [];
        var index = Array.IndexOf(segments, "Features");
        controller.Properties[Key] = index >= 0 && index + 1 < segments.Length ? segments[index + 1] : "Shared";
    }
}

internal sealed class FeatureViewLocationExpander : IViewLocationExpander
{
    public void PopulateValues(ViewLocationExpanderContext context) =>
        context.Values[FeatureFolderConvention.Key] =
            context.ActionContext.ActionDescriptor.Properties.TryGetValue(FeatureFolderConvention.Key, out var feature)
                ? feature as string
                : null;

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        var feature = context.Values.TryGetValue(FeatureFolderConvention.Key, out var value) ? value : null;
        return viewLocations
            .Select(location => location.Replace("{feature}", feature ?? "Shared", StringComparison.Ordinal));
    }
}

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
