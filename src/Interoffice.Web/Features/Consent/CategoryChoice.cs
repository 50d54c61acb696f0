namespace Interoffice.Web.Features.Consent;

/// <summary>One category in the settings: what it is, its services, and where the visitor stands.</summary>
public sealed record CategoryChoice(CategoryInfo Info, bool Granted, bool RefusedBySignal, IReadOnlyList<ThirdPartyService> Services);
