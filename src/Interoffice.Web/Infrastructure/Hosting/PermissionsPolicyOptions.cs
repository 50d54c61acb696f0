namespace Interoffice.Web.Infrastructure.Hosting;

/// <summary>
/// The browser features a part of the site uses on its own pages. The site as a whole uses none but full screen; a
/// feature that needs more registers it for its own path (the staff area: passkeys under /beheer).
/// </summary>
public sealed class PermissionsPolicyOptions
{
    internal List<(PathString Path, string Feature)> OwnUse { get; } = [];

    /// <summary>Lets the pages under <paramref name="path"/> use <paramref name="features"/> themselves (<c>self</c>).</summary>
    public PermissionsPolicyOptions AllowOnOwnPages(PathString path, params string[] features)
    {
        ArgumentNullException.ThrowIfNull(features);
        OwnUse.AddRange(features.Select(f => (path, f)));
        return this;
    }
}
