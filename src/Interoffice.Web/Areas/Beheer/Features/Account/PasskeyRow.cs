namespace Interoffice.Web.Areas.Beheer.Features.Account;

/// <summary>One of the staff member's passkeys, as the account page lists it.</summary>
public sealed record PasskeyRow(string Id, string Name, DateTimeOffset CreatedAt);
