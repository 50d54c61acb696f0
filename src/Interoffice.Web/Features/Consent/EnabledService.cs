namespace Interoffice.Web.Features.Consent;

/// <summary>
/// A service switched on by configuration, with its account id, its markup for that id, and the CSP hashes of the
/// markup's inline scripts (the same for every page and visitor, so they are worked out once).
/// </summary>
public sealed record EnabledService(ThirdPartyService Service, string Id)
{
    public string Markup { get; } = Service.Markup?.Invoke(Id) ?? "";

    public IReadOnlyList<string> ScriptHashes => field ??= Interoffice.Web.Infrastructure.Hosting.ContentSecurityPolicy.HashesOfInlineScripts(Markup);
}
