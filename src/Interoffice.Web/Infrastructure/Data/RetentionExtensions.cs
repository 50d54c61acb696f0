using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Interoffice.Web.Infrastructure.Data;

/// <summary>How a feature joins the daily retention schedule, and how the site starts it.</summary>
public static class RetentionExtensions
{
    /// <summary>
    /// Registers a feature's retention task with the daily schedule; a service the feature registered itself (scoped)
    /// is the same instance that runs.
    /// </summary>
    public static IServiceCollection AddRetentionTask<TTask>(this IServiceCollection services)
        where TTask : class, IRetentionTask
    {
        services.TryAddScoped<TTask>();
        services.AddScoped<IRetentionTask>(sp => sp.GetRequiredService<TTask>());
        return services;
    }

    public static IServiceCollection AddRetentionSchedule(this IServiceCollection services)
    {
        services.AddSingleton<RetentionJob>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionJob>());
        return services;
    }
}
