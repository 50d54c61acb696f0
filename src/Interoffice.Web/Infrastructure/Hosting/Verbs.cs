namespace Interoffice.Web.Infrastructure.Hosting;

/// <summary>
/// The command line's verbs: each feature registers its own (<see cref="AddVerb"/>), and a first argument that names
/// one runs it instead of the web server. Any other command line starts the site.
/// </summary>
public static class Verbs
{
    /// <summary>Registers <paramref name="verb"/> under <paramref name="name"/> (a keyed service, so the last registration counts).</summary>
    public static IServiceCollection AddVerb(this IServiceCollection services, string name, Verb verb)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(verb);
        return services.AddKeyedSingleton(name, verb);
    }

    /// <summary>Runs the verb the first argument names and gives its exit code; null when it names none.</summary>
    public static async Task<int?> RunVerbAsync(this WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        return args is [{ } name, ..] && app.Services.GetKeyedService<Verb>(name) is { } verb ? await verb(app.Services, args) : null;
    }
}
