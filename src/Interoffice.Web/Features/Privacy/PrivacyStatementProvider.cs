using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Interoffice.Web.Features.Privacy;

/// <summary>Bound from the <c>Privacy</c> section.</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>The statement's Markdown file, relative to the content root.</summary>
    [Required]
    public string StatementPath { get; set; } = "Content/privacyverklaring.md";
}

/// <summary>
/// The current privacy statement. Read at start (a broken file stops the start) and again whenever
/// staff save the file; a broken edit keeps the last good version online and is logged.
/// Its <see cref="Version"/> is what consent is given against.
/// </summary>
public sealed partial class PrivacyStatementProvider : IDisposable
{
    private readonly IFileProvider files;
    private readonly string path;
    private readonly ILogger<PrivacyStatementProvider> logger;
    private readonly IDisposable watch;
    private PrivacyStatementDocument current;

    public PrivacyStatementProvider(IHostEnvironment environment, IOptions<PrivacyOptions> options, ILogger<PrivacyStatementProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(options);
        files = environment.ContentRootFileProvider;
        path = options.Value.StatementPath;
        this.logger = logger;
        current = Load();
        watch = ChangeToken.OnChange(() => files.Watch(path), Reload);
    }

    public PrivacyStatementDocument Current => Volatile.Read(ref current);

    public string Version => Current.Version;

    public void Dispose() => watch.Dispose();

    private PrivacyStatementDocument Load()
    {
        var file = files.GetFileInfo(path);
        if (!file.Exists)
        {
            throw new FileNotFoundException($"The privacy statement '{path}' was not found under the content root.", path);
        }

        using var reader = new StreamReader(file.CreateReadStream());
        return PrivacyStatementDocument.Parse(reader.ReadToEnd());
    }

    private void Reload()
    {
        try
        {
            var loaded = Load();
            Volatile.Write(ref current, loaded);
            LogReloaded(logger, loaded.Version);
        }
        catch (Exception ex) when (ex is IOException or FormatException or YamlDotNet.Core.YamlException)
        {
            LogReloadFailed(logger, ex, path);
        }
    }

    [LoggerMessage(LogLevel.Information, "Privacy statement reloaded, version {Version}")]
    private static partial void LogReloaded(ILogger logger, string version);

    [LoggerMessage(LogLevel.Error, "Privacy statement {Path} could not be read; the previous version stays online")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception, string path);
}

public static class PrivacyExtensions
{
    public static IServiceCollection AddPrivacyStatement(this IServiceCollection services)
    {
        services.AddOptions<PrivacyOptions>()
            .BindConfiguration(PrivacyOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<PrivacyStatementProvider>();
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RetentionJob>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionJob>());
        return services;
    }
}
