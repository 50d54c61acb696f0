using Microsoft.AspNetCore.Authentication.Cookies;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Authorization;
using System.ComponentModel.DataAnnotations;

namespace Interoffice.Web.Features.Staff;

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
                context.Response.Redirect("/beheer/inloggen" + (ReturnPath.IsPlain(back) ? ReturnPath.Query(back, "/beheer") : ""));
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
        return builder;
    }
}

/// <summary>Bound from the <c>Staff</c> section.</summary>
public sealed class StaffOptions
{
    public const string SectionName = "Staff";

    /// <summary>Sign-in attempts per client address and window (every way of signing in counts).</summary>
    [Range(1, 100000)]
    public int SignInRateLimitPermits { get; set; } = 10;

    [Range(1, 1440)]
    public int SignInRateLimitWindowMinutes { get; set; } = 5;
}

/// <summary>Every controller in the staff area requires an enabled staff account, unless it says [AllowAnonymous] (the sign-in).</summary>
internal sealed class StaffAreaConvention : IControllerModelConvention
{
    public void Apply(ControllerModel controller)
    {
        if (controller.RouteValues.TryGetValue("area", out var area) && area == StaffExtensions.Area)
        {
            controller.Filters.Add(new AuthorizeFilter(StaffExtensions.Policy));
        }
    }
}

internal sealed class EnabledStaffRequirement : IAuthorizationRequirement;

/// <summary>Signed in is not enough: the account must still exist and be enabled, checked on every request.</summary>
internal sealed class EnabledStaffHandler(UserManager<StaffUser> users) : AuthorizationHandler<EnabledStaffRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, EnabledStaffRequirement requirement)
    {
        var user = await users.GetUserAsync(context.User);
        if (user is { IsDisabled: false })
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>Identity's messages, in Dutch for staff.</summary>
internal sealed class DutchIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"Het wachtwoord moet minstens {length} tekens lang zijn." };

    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = $"Er bestaat al een account met {email}." };

    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"Er bestaat al een account met {userName}." };

    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = $"'{email}' is geen geldig e-mailadres." };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"Het wachtwoord moet minstens {uniqueChars} verschillende tekens bevatten." };
}
