using System.Text;

namespace Interoffice.Web.Tests.Support;

/// <summary>What an auditor finds on disk: a byte search through every file of a folder, as the site leaves it.</summary>
public static class DataFolder
{
    /// <summary>The files (relative to <paramref name="folder"/>) whose bytes contain <paramref name="text"/> in UTF-8.</summary>
    public static IReadOnlyList<string> FilesContaining(string folder, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var needle = Encoding.UTF8.GetBytes(text);
        var found = new List<string>();
        // A database's -wal before the database itself: SQLite copies the log into the database before it empties or
        // removes the log (a checkpoint, the last connection closing), so text that is in either is found in one of them.
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).OrderBy(f => f.EndsWith("-wal", StringComparison.Ordinal) ? 0 : 1);
        foreach (var file in files)
        {
            byte[] bytes;
            try
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                bytes = copy.ToArray();
            }
            catch (FileNotFoundException)
            {
                // Gone between listing and reading (SQLite removes its -wal when the last connection closes): it holds nothing.
                continue;
            }

            if (bytes.AsSpan().IndexOf(needle) >= 0)
            {
                found.Add(Path.GetRelativePath(folder, file));
            }
        }

        return found;
    }
}
