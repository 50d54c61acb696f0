namespace Interoffice.Web.Infrastructure.Data;

/// <summary>
/// LIKE patterns that mean the same on SQLite and SQL Server. Both use <see cref="Escape"/> before a character to take
/// it literally; SQL Server also treats <c>[</c> as a wildcard (a set of characters), SQLite does not, so it is escaped
/// for both. Case: both compare ASCII letters without regard to case (SQL Server's collation also other letters).
/// </summary>
public static class Like
{
    public const string Escape = "\\";

    /// <summary>A pattern that finds <paramref name="text"/> anywhere, every character taken as itself.</summary>
    public static string Containing(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new System.Text.StringBuilder(text.Length + 8).Append('%');
        foreach (var c in text)
        {
            if (c is '\\' or '%' or '_' or '[')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.Append('%').ToString();
    }
}
