using System.Security.Cryptography;
using System.Text;
using Interoffice.Web.Features.Privacy;
using Microsoft.Extensions.Options;

namespace Interoffice.Web.Features.Consent;

/// <summary>A service switched on by configuration, with its account id.</summary>
public sealed record EnabledService(ThirdPartyService Service, string Id);

/// <summary>
/// The services this deployment uses, the categories offered to visitors because of them, and the
/// version of the cookie policy that a choice is made against.
/// </summary>
public sealed class EnabledServices
{
    private readonly PrivacyStatementProvider statement;
    private readonly string revision;
    private readonly string servicesFingerprint;

    public EnabledServices(IOptions<ConsentOptions> options, PrivacyStatementProvider statement)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.statement = statement;
        revision = options.Value.Revision;
        All = [.. ServiceRegistry.All
            .Select(service => (service, settings: options.Value.Services.GetValueOrDefault(service.Key)))
            .Where(s => s.settings is not null && (s.service.IdPattern is null ? s.settings.Enabled : !string.IsNullOrWhiteSpace(s.settings.Id)))
            .Select(s => new EnabledService(s.service, s.settings!.Id?.Trim() ?? ""))];
        Offered = [.. ConsentCategories.Optional.Where(c => All.Any(s => s.Service.Category == c))];

        // A service added to a category changes what was consented to: its key is part of the version.
        var keys = string.Join(',', All.Select(s => s.Service.Key).Order(StringComparer.Ordinal));
        servicesFingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(keys)))[..8];
    }

    public IReadOnlyList<EnabledService> All { get; }

    /// <summary>The categories a visitor is asked about: those with at least one enabled service.</summary>
    public IReadOnlyList<ConsentCategory> Offered { get; }

    public bool UsesGoogleConsentMode => All.Any(s => s.Service.UsesGoogleConsentMode);

    public bool IsEnabled(string key) => All.Any(s => s.Service.Key == key);

    /// <summary>
    /// The privacy statement's version, the cookie policy's revision and the set of services:
    /// a change in any of them asks every visitor again.
    /// </summary>
    public string PolicyVersion => $"{statement.Version}.{revision}.{servicesFingerprint}";
}
