namespace Interoffice.Web.Areas.Beheer.Features.Account;

/// <summary>The account page: who is signed in, two-step sign-in, recovery codes left and passkeys.</summary>
public sealed record AccountModel(string Email, bool TwoFactorEnabled, int RecoveryCodesLeft, IReadOnlyList<PasskeyRow> Passkeys);
