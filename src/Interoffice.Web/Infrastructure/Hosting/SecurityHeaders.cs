using Microsoft.AspNetCore.CookiePolicy;

namespace Interoffice.Web.Infrastructure.Hosting;

/// <summary>Browser features a page lets an embedded frame of another origin use (a consented video may go full screen).</summary>
public sealed class FramePermissions
{
    internal List<(string Feature, string Origin)> Grants { get; } = [];
}

public static class SecurityHeaders
{
    // Nothing on the public site needs these browser features; deny them to every frame. In this order in the header.
    private static readonly (string Feature, string Allowed)[] PublicFeatures =
    [
        ("accelerometer", ""), ("autoplay", ""), ("camera", ""), ("display-capture", ""), ("encrypted-media", ""), ("fullscreen", "self"),
        ("geolocation", ""), ("gyroscope", ""), ("interest-cohort", ""), ("magnetometer", ""), ("microphone", ""), ("midi", ""), ("payment", ""),
        ("picture-in-picture", ""), ("publickey-credentials-create", ""), ("publickey-credentials-get", ""), ("screen-wake-lock", ""), ("usb", ""), ("xr-spatial-tracking", ""),
    ];

    // The staff area alone uses passkeys (WebAuthn), on its own pages only.
    private static readonly (string Feature, string Allowed)[] StaffFeatures = [.. PublicFeatures
        .Select(f => f.Feature.StartsWith("publickey-credentials-", StringComparison.Ordinal) ? (f.Feature, "self") : f)];

    private static readonly string PermissionsPolicy = Policy(PublicFeatures, []);
    private static readonly string StaffPermissionsPolicy = Policy(StaffFeatures, []);

    /// <summary>Lets a frame from <paramref name="origin"/> on this page use <paramref name="features"/> (only those the site's policy knows).</summary>
    public static void AllowInFrame(this HttpContext context, string origin, params string[] features)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(features);
        var permissions = context.Features.Get<FramePermissions>();
        if (permissions is null)
        {
            permissions = new FramePermissions();
            context.Features.Set(permissions);
        }

        permissions.Grants.AddRange(features.Select(f => (f, origin)));
    }

    private static string Policy((string Feature, string Allowed)[] features, List<(string Feature, string Origin)> grants) =>
        string.Join(", ", features.Select(f =>
        {
            var allowed = grants.Where(g => g.Feature == f.Feature).Select(g => $"\"{g.Origin}\"").Distinct().Prepend(f.Allowed).Where(a => a.Length > 0);
            return $"{f.Feature}=({string.Join(' ', allowed)})";
        }));

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
    /// The headers every response carries, static assets included (these are answered before the page pipeline):
    /// set at once, costing nothing per request.
    /// </summary>
    public static IApplicationBuilder UseStaticAssetHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "DENY";

            // A file opened on its own (an SVG) may run nothing and be framed by no one; pages set their own policy.
            headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
            return next(context);
        });
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
                var staff = context.Request.Path.StartsWithSegments("/beheer", StringComparison.OrdinalIgnoreCase);
                headers["Permissions-Policy"] = context.Features.Get<FramePermissions>() is { Grants.Count: > 0 } frames
                    ? Policy(staff ? StaffFeatures : PublicFeatures, frames.Grants)
                    : staff ? StaffPermissionsPolicy : PermissionsPolicy;
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
}
