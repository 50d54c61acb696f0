using Microsoft.AspNetCore.Mvc.ApplicationModels;

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
