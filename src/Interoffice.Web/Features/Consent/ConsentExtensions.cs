using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Hosting;

namespace Interoffice.Web.Features.Consent;

public static class ConsentExtensions
{
    public static IHostApplicationBuilder AddConsent(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ConsentOptions>()
            .BindConfiguration(ConsentOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddPerClientRateLimit<ConsentOptions>(CookiesController.RateLimitPolicy, o => (o.ChoiceRateLimitPermits, o.ChoiceRateLimitWindowMinutes));
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<ConsentOptions>, ConsentOptionsValidator>();
        builder.Services.AddSingleton<EnabledServices>();
        builder.Services.AddSingleton<ConsentCookie>();
        builder.Services.AddSingleton<ConsentPolicyProvider>();
        builder.Services.AddSingleton<ConsentLogWriters>();
        builder.Services.AddSingleton<ConsentLogSigner>();
        builder.Services.AddScoped<ConsentLogBatch>();
        builder.Services.AddSingleton<ConsentLogWriter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ConsentLogWriter>());
        builder.Services.AddSingleton<ConsentLogAnchoring>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ConsentLogAnchoring>());
        builder.Services.AddScoped<ConsentLog>();
        builder.Services.AddRetentionTask<ConsentLog>();
        builder.Services.AddScoped<ConsentLogVerifier>();
        builder.Services.AddScoped<ConsentEvidenceFiles>();
        builder.Services.AddHostedService<ConsentLogOnStart>();
        builder.Services.AddPageMiddleware<ConsentMiddleware>();

        // Checking a log (perhaps a restored backup) never changes it: no migration here.
        builder.Services.AddVerb("consent", (services, args) => ConsentCommands.RunAsync(services, args, Console.Out, Console.Error));
        builder.Services.AddOutputCache(o =>
        {
            // A page shows its own address (canonical link, return address of the forms) as it was asked for.
            o.UseCaseSensitivePaths = true;
            o.AddPolicy(ConsentPageCache.Name, new ConsentPageCache(onlyWithoutChoice: false));
            o.AddPolicy(ConsentPageCache.WithoutChoice, new ConsentPageCache(onlyWithoutChoice: true));
        });
        return builder;
    }
}
