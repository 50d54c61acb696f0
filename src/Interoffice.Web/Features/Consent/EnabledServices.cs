using Microsoft.Extensions.Options;

namespace Interoffice.Web.Features.Consent;

/// <summary>
/// The services this deployment uses and the categories offered to visitors because of them (what a choice is made
/// against is the <see cref="ConsentPolicy"/>).
/// </summary>
public sealed class EnabledServices
{
    public EnabledServices(IOptions<ConsentOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        All = [.. ServiceRegistry.All
            .Select(service => (service, settings: options.Value.Services.GetValueOrDefault(service.Key)))
            .Where(s => s.settings is not null && (s.service.IdPattern is null ? s.settings.Enabled : !string.IsNullOrWhiteSpace(s.settings.Id)))
            .Select(s => new EnabledService(s.service, s.settings!.Id?.Trim() ?? ""))];
        Offered = [.. ConsentCategories.Optional.Where(c => All.Any(s => s.Service.Category == c))];
    }

    public IReadOnlyList<EnabledService> All { get; }

    /// <summary>The categories a visitor is asked about: those with at least one enabled service.</summary>
    public IReadOnlyList<ConsentCategory> Offered { get; }

    public bool UsesGoogleConsentMode => All.Any(s => s.Service.UsesGoogleConsentMode);

    public bool IsEnabled(string key) => All.Any(s => s.Service.Key == key);
}
