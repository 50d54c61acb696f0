using Microsoft.AspNetCore.Mvc.Razor;

namespace Interoffice.Web.Infrastructure.Hosting;

/// <summary>Fills {feature} in the view locations with the feature its controller's namespace names.</summary>
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
