using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Interoffice.Web.Features.Staff;

/// <summary>The staff area (/beheer): accounts, sign-in, what it allows and refuses, its audit log and its verb.</summary>
public static class StaffExtensions
{
    public const string Area = "Beheer";
    public const string Policy = "EnabledStaff";

    /// <summary>The rate limit on every way of signing in (password, code, recovery code, passkey), per client address.</summary>
    public const string SignInRateLimit = "staff-sign-in";

    public static IHostApplicationBuilder AddStaff(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddIdentity<StaffUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;

                // Version 3 adds passkeys (AspNetUserPasskeys).
                o.Stores.SchemaVersion = SiteDbContext.IdentitySchema;
            })
            .AddEntityFrameworkStores<SiteDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<DutchIdentityErrors>();
        // Identity's store with the two-step secrets sealed and hashed (StaffUserStore); 1.0's plain ones are rewritten.
        builder.Services.AddScoped<StaffUserStore>();
        builder.Services.AddScoped<IUserStore<StaffUser>>(sp => sp.GetRequiredService<StaffUserStore>());
        builder.Services.AddRetentionTask<StaffSecretsAtRest>();
        builder.Services.AddScoped<SecondStep>();
        builder.Services.AddScoped<Areas.Beheer.Features.Account.StaffSignIn>();
        builder.Services.AddSingleton<UnknownAccounts>();
        builder.Services.AddSingleton<DecoyPassword>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DecoyPassword>());
        builder.Services.AddOptions<StaffOptions>().BindConfiguration(StaffOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        // The security stamp is checked on every request: a password reset, a disabled account or a change to two-step
        // sign-in or passkeys ends the account's other sessions at once, not after Identity's default half hour.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);

        // Passkeys are bound to the site's host name; behind a proxy that is the public host (forwarded headers).
        builder.Services.Configure<IdentityPasskeyOptions>(o =>
        {
            o.UserVerificationRequirement = "required";
            o.ResidentKeyRequirement = "required";
        });
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "io.staff";
            o.Cookie.Path = "/beheer";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = "/beheer/inloggen";
            o.LogoutPath = "/beheer/uitloggen";
            o.AccessDeniedPath = "/beheer/inloggen";
            o.ReturnUrlParameter = "terug";

            // Back to the page that asked, but by its path alone: a query (a search, an address) never rides along
            // into the sign-in page's address, its form or the audit of where staff went; nor a path that holds one.
            o.Events.OnRedirectToLogin = context =>
            {
                var back = (context.Request.PathBase + context.Request.Path).ToString();
                context.Response.Redirect("/beheer/inloggen" + (context.HttpContext.IsPlain(back) ? ReturnPath.Query(back, "/beheer") : ""));
                return Task.CompletedTask;
            };
        });
        builder.Services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = "io.staff.2fa";
            o.Cookie.Path = "/beheer";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });

        builder.Services.AddPerClientRateLimit<StaffOptions>(SignInRateLimit, o => (o.SignInRateLimitPermits, o.SignInRateLimitWindowMinutes));

        builder.Services.AddAuthorization(o => o.AddPolicy(Policy, p => p.RequireAuthenticatedUser().AddRequirements(new EnabledStaffRequirement())));
        builder.Services.AddScoped<IAuthorizationHandler, EnabledStaffHandler>();
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Conventions.Add(new StaffAreaConvention()));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddOptions<AuditRetentionOptions>().BindConfiguration(AuditRetentionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRetentionTask<AuditLog>();

        // The staff area alone uses passkeys (WebAuthn), on its own pages only.
        builder.Services.Configure<PermissionsPolicyOptions>(o => o.AllowOnOwnPages("/beheer", "publickey-credentials-create", "publickey-credentials-get"));

        // A message page's id (/beheer/berichten/{guid}) is made by the site, not a visitor's: it may be a return path.
        builder.Services.Configure<ReturnPathOptions>(o => o.RandomIdPaths.Add("/beheer/berichten/"));

        // An account can be made before the site's first start: an embedded database is migrated first.
        builder.Services.AddVerb("staff", async (services, args) =>
        {
            if (services.GetRequiredService<IConfiguration>().MigratesOnStart())
            {
                await services.MigrateSiteDatabaseAsync();
            }

            return await StaffCommands.RunAsync(services, args, Console.In, Console.Out, Console.Error);
        });
        return builder;
    }
}
