namespace Interoffice.Web.Infrastructure.Data;

/// <summary>What the <c>backup</c> verb counts in the copy it made, so the operator sees it holds data: features register their tables.</summary>
public sealed class BackupOptions
{
    /// <summary>A table and how to say one row and several in Dutch, e.g. ("ContactSubmissions", "bericht", "berichten").</summary>
    public List<(string Table, string One, string Many)> Counts { get; } = [];
}
