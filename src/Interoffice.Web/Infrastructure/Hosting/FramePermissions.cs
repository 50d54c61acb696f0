namespace Interoffice.Web.Infrastructure.Hosting;

/// <summary>Browser features a page lets an embedded frame of another origin use (a consented video may go full screen).</summary>
public sealed class FramePermissions
{
    internal List<(string Feature, string Origin)> Grants { get; } = [];
}
