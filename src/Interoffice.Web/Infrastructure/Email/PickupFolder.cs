using Microsoft.Extensions.Options;

namespace Interoffice.Web.Infrastructure.Email;

/// <summary>The pickup folder: where mail is written without a mail server, and the one place that deletes from it.</summary>
public sealed class PickupFolder(IOptions<SmtpOptions> options, IHostEnvironment environment)
{
    public string Path { get; } = System.IO.Path.GetFullPath(System.IO.Path.Combine(environment.ContentRootPath, options.Value.PickupDirectory));

    /// <summary>Deletes the files of deleted outbox messages; a file that is already gone is fine.</summary>
    public void Delete(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        foreach (var name in names)
        {
            // Only a bare file name from the database, never a path that leads elsewhere.
            File.Delete(System.IO.Path.Combine(Path, System.IO.Path.GetFileName(name)));
        }
    }

    /// <summary>
    /// Deletes .eml files written before <paramref name="cutoff"/> that no outbox message owns (written by an older
    /// version of the site, or left by a crash), and half-written .part files: retention holds for the folder as well.
    /// </summary>
    public int DeleteUnownedBefore(DateTime cutoff, IReadOnlySet<string> owned)
    {
        ArgumentNullException.ThrowIfNull(owned);
        if (!Directory.Exists(Path))
        {
            return 0;
        }

        var deleted = 0;
        foreach (var file in Directory.EnumerateFiles(Path, "*.eml").Concat(Directory.EnumerateFiles(Path, "*.eml.part")))
        {
            if (!owned.Contains(System.IO.Path.GetFileName(file)) && File.GetLastWriteTimeUtc(file) < cutoff)
            {
                File.Delete(file);
                deleted++;
            }
        }

        return deleted;
    }
}
