namespace Interoffice.Web.Features.Consent;

public sealed class ServiceSettings
{
    public string? Id { get; set; }

    public bool Enabled { get; set; }
}
