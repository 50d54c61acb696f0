using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Interoffice.Web.Features.Privacy;

/// <summary>
/// Every published version of the privacy statement, one content file each; the current one is the latest by date.
/// Read at start (a broken file stops the start) and again whenever staff save or add a file; a broken edit keeps the
/// last good versions online and is logged. The current version is part of what consent is given against.
/// </summary>
public sealed partial class PrivacyStatementProvider : IDisposable
{
    private readonly IFileProvider files;
    private readonly string folder;
    private readonly ILogger<PrivacyStatementProvider> logger;
    private readonly IDisposable watch;
    private readonly TimeProvider time;
    private IReadOnlyList<PrivacyStatementDocument> versions;

    public PrivacyStatementProvider(IHostEnvironment environment, IOptions<PrivacyOptions> options, ILogger<PrivacyStatementProvider> logger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(options);
        files = environment.ContentRootFileProvider;
        folder = options.Value.StatementFolder.TrimEnd('/', '\\');
        this.logger = logger;
        this.time = time;
        versions = Load();
        watch = ChangeToken.OnChange(() => files.Watch(folder + "/*.md"), Reload);
    }

    /// <summary>The statement in force: the version with the latest date that has come.</summary>
    public PrivacyStatementDocument Current => Versions[0];

    /// <summary>
    /// Every published version, newest first. A version dated in the future (Dutch date) is published on its date;
    /// until then the one before it stays in force.
    /// </summary>
    public IReadOnlyList<PrivacyStatementDocument> Versions
    {
        get
        {
            var all = Volatile.Read(ref versions);
            var today = DateOnly.FromDateTime(Interoffice.Web.Infrastructure.Hosting.DutchTime.FromUtc(time.GetUtcNow().UtcDateTime));
            if (all[0].LastModified <= today)
            {
                return all;
            }

            var published = all.Where(v => v.LastModified <= today).ToList();
            return published.Count > 0 ? published : [all[^1]];
        }
    }

    public string Version => Current.Version;

    public PrivacyStatementDocument? Find(string version) =>
        Versions.FirstOrDefault(v => string.Equals(v.Version, version, StringComparison.Ordinal));

    public void Dispose() => watch.Dispose();

    private List<PrivacyStatementDocument> Load()
    {
        var contents = files.GetDirectoryContents(folder);
        var loaded = new List<PrivacyStatementDocument>();
        foreach (var file in contents.Where(f => !f.IsDirectory && f.Name.EndsWith(".md", StringComparison.OrdinalIgnoreCase)))
        {
            using var stream = file.CreateReadStream();
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            try
            {
                loaded.Add(PrivacyStatementDocument.Parse(bytes.ToArray()));
            }
            catch (FormatException ex)
            {
                throw new FormatException($"{folder}/{file.Name}: {ex.Message}", ex);
            }
        }

        if (loaded.Count == 0)
        {
            throw new FileNotFoundException($"No privacy statement (*.md) was found in '{folder}' under the content root.", folder);
        }

        if (loaded.GroupBy(v => v.Version, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new FormatException($"{folder}: version {twice.Key} is published in more than one file.");
        }

        return [.. loaded.OrderByDescending(v => v.LastModified).ThenByDescending(v => v.Version.Length).ThenByDescending(v => v.Version, StringComparer.Ordinal)];
    }

    private void Reload()
    {
        try
        {
            var loaded = Load();
            Volatile.Write(ref versions, loaded);
            LogReloaded(logger, loaded[0].Version, loaded.Count);
        }
        catch (Exception ex) when (ex is IOException or FormatException or YamlDotNet.Core.YamlException)
        {
            LogReloadFailed(logger, ex, folder);
        }
    }

    [LoggerMessage(LogLevel.Information, "Privacy statement reloaded: version {Version} is current, {Count} versions published")]
    private static partial void LogReloaded(ILogger logger, string version, int count);

    [LoggerMessage(LogLevel.Error, "Privacy statement in {Folder} could not be read; the previous versions stay online")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception, string folder);
}
