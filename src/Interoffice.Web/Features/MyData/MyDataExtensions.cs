using Interoffice.Web.Features.Seo;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Hosting;

namespace Interoffice.Web.Features.MyData;

/// <summary>"Mijn gegevens": a person sees, downloads, corrects and erases their own data after proving their address; staff use its person records too.</summary>
public static class MyDataExtensions
{
    public static IHostApplicationBuilder AddMyData(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<MyDataOptions>().BindConfiguration(MyDataOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<MyDataCookie>();
        builder.Services.AddScoped<PersonRecords>();
        builder.Services.AddScoped<MyDataRecords>();
        builder.Services.AddScoped<AccessLinks>();
        builder.Services.AddScoped<SelfService>();
        builder.Services.AddPerClientRateLimit<MyDataOptions>(MyDataController.RateLimitPolicy, o => (o.RateLimitPermits, o.RateLimitWindowMinutes));
        builder.Services.AddRetentionTask<MyDataRetention>();
        builder.Services.AddScoped<ISitemapSource, MyDataSitemap>();
        return builder;
    }
}
