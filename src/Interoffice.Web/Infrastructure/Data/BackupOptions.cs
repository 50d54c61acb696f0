namespace Interoffice.Web.Infrastructure.Data;

/// <summary>What the <c>backup</c> verb counts in the copy it made, so the operator sees it holds data: features register their tables.</summary>
public sealed class BackupOptions
{
    /// <summary>An entity type (its table is read from the model) and how to say one row and several in Dutch.</summary>
    public List<(Type Entity, string One, string Many)> Counts { get; } = [];
}
