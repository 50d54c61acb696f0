using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.Extensions.Options;

namespace Interoffice.Web.Infrastructure.Hosting;

/// <summary>The security headers of every response, and the Content-Security-Policy and Permissions-Policy of each page.</summary>
public static class SecurityHeaders
{
    // Nothing on the site needs these browser features (a feature registers its own use: PermissionsPolicyOptions);
    // deny them to every frame. In this order in the header.
    private static readonly (string Feature, string Allowed)[] PublicFeatures =
    [
        ("accelerometer", ""), ("autoplay", ""), ("camera", ""), ("display-capture", ""), ("encrypted-media", ""), ("fullscreen", "self"),
        ("geolocation", ""), ("gyroscope", ""), ("interest-cohort", ""), ("magnetometer", ""), ("microphone", ""), ("midi", ""), ("payment", ""),
        ("picture-in-picture", ""), ("publickey-credentials-create", ""), ("publickey-credentials-get", ""), ("screen-wake-lock", ""), ("usb", ""), ("xr-spatial-tracking", ""),
    ];

    private static readonly string PermissionsPolicy = Policy(PublicFeatures, []);

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
        var ownUse = OwnPolicies(app.ApplicationServices.GetRequiredService<IOptions<PermissionsPolicyOptions>>().Value);
        return app.Use(async (context, next) =>
        {
            var policy = new ContentSecurityPolicy();
            context.Features.Set(policy);
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";

                // A page may set its own, stricter one (a mail link's landing page: no-referrer).
                headers.TryAdd("Referrer-Policy", "strict-origin-when-cross-origin");
                var own = ownUse.FindIndex(o => context.Request.Path.StartsWithSegments(o.Path, StringComparison.OrdinalIgnoreCase));
                var (features, permissions) = own >= 0 ? (ownUse[own].Features, ownUse[own].Policy) : (PublicFeatures, PermissionsPolicy);
                headers["Permissions-Policy"] = context.Features.Get<FramePermissions>() is { Grants.Count: > 0 } frames
                    ? Policy(features, frames.Grants)
                    : permissions;
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers.XFrameOptions = "DENY";
                headers.ContentSecurityPolicy = policy.ToString();
                return Task.CompletedTask;
            });
            await next(context);
        });
    }

    // Each registered path's features and header, worked out once; the longest path first, so the closest one counts.
    private static List<(PathString Path, (string Feature, string Allowed)[] Features, string Policy)> OwnPolicies(PermissionsPolicyOptions options) =>
        [.. options.OwnUse.GroupBy(o => o.Path.Value!.TrimEnd('/'), StringComparer.OrdinalIgnoreCase).OrderByDescending(g => g.Key.Length).Select(g =>
        {
            var unknown = g.Select(o => o.Feature).Except(PublicFeatures.Select(f => f.Feature)).ToList();
            if (unknown.Count > 0)
            {
                throw new InvalidOperationException($"The Permissions-Policy does not know {string.Join(", ", unknown)} (registered for {g.Key}).");
            }

            (string Feature, string Allowed)[] features = [.. PublicFeatures.Select(f => g.Any(o => o.Feature == f.Feature) ? (f.Feature, "self") : f)];
            return (new PathString(g.Key), features, Policy(features, []));
        })];

    public static ContentSecurityPolicy ContentSecurityPolicy(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<ContentSecurityPolicy>()
            ?? throw new InvalidOperationException("UseSecurityHeaders must run before anything that renders a page.");
    }
}
