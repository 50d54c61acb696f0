using Microsoft.AspNetCore.CookiePolicy;

namespace Interoffice.Web.Infrastructure.Hosting;

public static class SecurityHeaders
{
    // Nothing on the public site needs these browser features; deny them to every frame.
    private const string PermissionsPolicy =
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), fullscreen=(self), " +
        "geolocation=(), gyroscope=(), interest-cohort=(), magnetometer=(), microphone=(), midi=(), payment=(), " +
        "picture-in-picture=(), publickey-credentials-create=(), publickey-credentials-get=(), screen-wake-lock=(), usb=(), xr-spatial-tracking=()";

    // The staff area alone uses passkeys (WebAuthn), on its own pages only.
    private static readonly string StaffPermissionsPolicy = PermissionsPolicy
        .Replace("publickey-credentials-create=()", "publickey-credentials-create=(self)", StringComparison.Ordinal)
        .Replace("publickey-credentials-get=()", "publickey-credentials-get=(self)", StringComparison.Ordinal);

    public static IHostApplicationBuilder AddSecurityHeaders(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var development = builder.Environment.IsDevelopment();

        builder.Services.Configure<CookiePolicyOptions>(o =>
        {
            o.HttpOnly = HttpOnlyPolicy.Always;
            o.MinimumSameSitePolicy = SameSiteMode.Lax;
            o.Secure = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "io.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            // The cookie policy above still marks it Secure outside Development; SameAsRequest here only keeps
            // antiforgery from failing every page when a proxy forgets to forward the scheme.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });

        return builder;
    }

    /// <summary>
    /// Gives every request its own <see cref="ContentSecurityPolicy"/> and writes it, with the other
    /// security headers, when the response starts (so later middleware may still widen the policy).
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use(async (context, next) =>
        {
            var policy = new ContentSecurityPolicy();
            context.Features.Set(policy);
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = context.Request.Path.StartsWithSegments("/beheer", StringComparison.OrdinalIgnoreCase) ? StaffPermissionsPolicy : PermissionsPolicy;
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers.XFrameOptions = "DENY";
                headers.ContentSecurityPolicy = policy.ToString();
                return Task.CompletedTask;
            });
            await next(context);
        });
    }

    public static ContentSecurityPolicy ContentSecurityPolicy(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<ContentSecurityPolicy>()
            ?? throw new InvalidOperationException("UseSecurityHeaders must run before anything that renders a page.");
    }

    /// <summary>The nonce for an inline script of this response.</summary>
    public static string CspNonce(this HttpContext context) => context.ContentSecurityPolicy().Nonce;
}
