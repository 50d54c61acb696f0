namespace Interoffice.Web.Features.Consent;

/// <summary>
/// What the appends of one site instance share: they wait for each other (instances sharing a database meet at the
/// unique PreviousHash and retry).
/// </summary>
public sealed class ConsentLogWriters
{
    internal SemaphoreSlim AppendLock { get; } = new(1, 1);
}
