using System.ComponentModel.DataAnnotations;

namespace Interoffice.Web.Infrastructure.Data;

/// <summary>Bound from the <c>Database</c> section; the connection string is <c>ConnectionStrings:Default</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    [EnumDataType(typeof(DatabaseProvider))]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}
