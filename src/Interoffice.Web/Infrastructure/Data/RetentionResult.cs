namespace Interoffice.Web.Infrastructure.Data;

/// <summary>What one run deleted, by the name of each task.</summary>
public sealed record RetentionResult(IReadOnlyDictionary<string, int> Deleted)
{
    public int this[string name] => Deleted.TryGetValue(name, out var count) ? count : 0;
}
