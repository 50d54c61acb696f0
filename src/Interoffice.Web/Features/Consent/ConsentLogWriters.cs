namespace Interoffice.Web.Features.Consent;

/// <summary>What the consent log's writers of one instance share.</summary>
public sealed class ConsentLogWriters
{
    /// <summary>The fingerprint of the key this instance knows to be in the key table (checked once, not per batch).</summary>
    internal string? KeyRegistered { get; set; }
}
