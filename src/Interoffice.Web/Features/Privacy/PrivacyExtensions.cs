namespace Interoffice.Web.Features.Privacy;

/// <summary>The privacy statement: its published versions, read at start and whenever staff add one.</summary>
public static class PrivacyExtensions
{
    public static IHostApplicationBuilder AddPrivacy(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<PrivacyOptions>()
            .BindConfiguration(PrivacyOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<PrivacyStatementProvider>();
        builder.Services.AddHostedService<PrivacyStatementOnStart>();
        return builder;
    }
}
