using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Interoffice.Web.Infrastructure.Hosting;

/// <summary>The web pipeline: one place that says what every request passes through, in order.</summary>
public static class HostingExtensions
{
    /// <summary>No form of the site comes near this; a larger request is refused before anything reads it.</summary>
    public const int MaxRequestBodyBytes = 64 * 1024;

    /// <summary>TempData: a message shown once after a redirect (a reference number, a confirmation), instead of in the address.</summary>
    public const string OneTimeMessageCookie = "io.melding";

    public static IHostApplicationBuilder AddSiteWeb(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<SiteOptions>()
            .BindConfiguration(SiteOptions.SectionName)
            .Validate(o => o.HasValidBaseUrl(), "Site:BaseUrl must be empty or an absolute http(s) address such as https://www.interoffice.nl.")
            .Validate(o => o.HasValidVideoId(), "Site:AboutVideoId must be empty or a YouTube video id of 11 characters.")
            .ValidateOnStart();

        // Every form post must carry an antiforgery token; a missing one answers the Dutch 400 page.
        builder.Services.AddControllersWithViews(o =>
            {
                o.Filters.Add(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute());
                o.Conventions.Add(new HeadLikeGet());
                DutchModelBindingMessages.Apply(o.ModelBindingMessageProvider);
            })
            .AddFeatureFolders();
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = OneTimeMessageCookie;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        builder.Services.AddRouting(o =>
        {
            o.LowercaseUrls = true;
            o.AppendTrailingSlash = false;
        });
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml", "application/xml"]);
        });
        // The clock every feature reads (tests put their own in its place).
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<FormStamp>();
        builder.Services.AddSingleton<MailLinks>();
        builder.Services.AddPageMiddleware<FormStamps>();
        builder.AddProxies();
        builder.AddOwnHost();
        return builder;
    }

    /// <summary>Adds <typeparamref name="T"/> to every request's way through the site, where <see cref="PageMiddlewareOptions"/> says.</summary>
    public static IServiceCollection AddPageMiddleware<T>(this IServiceCollection services)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.Configure<PageMiddlewareOptions>(o => o.Middleware.Add(typeof(T)));
    }

    public static WebApplication UseSiteWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // First, so that everything after it (HSTS, secure cookies, logging, rate limits) sees the visitor's own
        // address and scheme; only the proxies in ForwardedHeaders:* are believed. With none configured the
        // middleware is left out: given empty lists it would believe every sender.
        if (app.Services.GetRequiredService<IOptions<ProxyOptions>>().Value.TrustsAnyProxy)
        {
            app.UseForwardedHeaders();
        }
        else
        {
            var proxy = app.Services.GetRequiredService<UnconfiguredProxy>();
            app.Use((context, next) =>
            {
                proxy.Notice(context.Request);
                return next(context);
            });
        }

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/fout");
            app.UseHsts();
        }

        // Static assets are answered right here (their endpoints short-circuit routing): they pay for no consent,
        // no Content-Security-Policy, no cookie purge and no request log line, and never carry a Set-Cookie.
        app.UseStaticAssetHeaders();
        app.UseRouting();

        app.UseSiteRequestLogging();
        app.UseLowerCasePaths();
        app.UseResponseCompression();
        app.UseSecurityHeaders();

        // What features add to every page (the consent of the request), in the order they registered it.
        foreach (var middleware in app.Services.GetRequiredService<IOptions<PageMiddlewareOptions>>().Value.Middleware)
        {
            app.UseMiddleware(middleware);
        }

        app.UseStatusCodePagesWithReExecute("/fout/{0}");
        app.Use((context, next) =>
        {
            if (context.Request.ContentLength > MaxRequestBodyBytes && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
            {
                // Answered by the Dutch 413 page through the status-code pages above.
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return Task.CompletedTask;
            }

            if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = MaxRequestBodyBytes;
            }

            return next(context);
        });
        app.UseCookiePolicy();

        // Again, for the Dutch error pages: re-executing a request for one clears the endpoint found above.
        app.UseRouting();

        // Pages from the server's cache, keyed as each page's cache policy says (a feature registers it), after everything their headers depend on.
        app.UseOutputCache();
        app.UseRateLimiter();
        // Who someone is (only a signed-in area's own cookie says so) and what they may open.
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        // Liveness: the process answers. Readiness: it can also reach its database.
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });

        app.MapStaticAssets().ShortCircuit();
        app.MapControllers().WithStaticAssets();
        return app;
    }
}
