namespace Interoffice.Web.Areas.Beheer.Features.Account;

/// <summary>Setting up two-step sign-in: the key, in groups of four, and as a QR code.</summary>
public sealed record TwoFactorSetupModel(string Key, string QrCodeSvg);
