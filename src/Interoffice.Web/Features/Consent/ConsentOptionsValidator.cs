using Microsoft.Extensions.Options;

namespace Interoffice.Web.Features.Consent;

internal sealed class ConsentOptionsValidator : IValidateOptions<ConsentOptions>
{
    public ValidateOptionsResult Validate(string? name, ConsentOptions options)
    {
        var failures = new List<string>();
        foreach (var (key, settings) in options.Services)
        {
            var service = ServiceRegistry.Find(key);
            if (service is null)
            {
                failures.Add($"Consent:Services:{key} is not a known service; known are {string.Join(", ", ServiceRegistry.All.Select(s => s.Key))}.");
            }
            else if (!string.IsNullOrWhiteSpace(settings.Id) && (service.IdPattern is null || !service.IdPattern.IsMatch(settings.Id.Trim())))
            {
                failures.Add(service.IdPattern is null
                    ? $"Consent:Services:{key} takes no Id; set Enabled to true."
                    : $"Consent:Services:{key}:Id '{settings.Id}' does not have the form {service.IdPattern}.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
