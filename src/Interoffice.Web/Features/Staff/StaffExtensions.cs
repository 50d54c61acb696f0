using Microsoft.AspNetCore.Authentication.Cookies;
using Interoffice.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Authorization;

namespace Interoffice.Web.Features.Staff;

public static class StaffExtensions
{
    public const string Area = "Beheer";
    public const string Policy = "EnabledStaff";

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
            })
            .AddEntityFrameworkStores<SiteDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<DutchIdentityErrors>();
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "io.staff";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = "/beheer/inloggen";
            o.LogoutPath = "/beheer/uitloggen";
            o.AccessDeniedPath = "/beheer/inloggen";
            o.ReturnUrlParameter = "terug";
        });
        builder.Services.ConfigureExternalCookie(o => o.Cookie.Name = "io.staff.ext");
        builder.Services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = "io.staff.2fa";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

        builder.Services.AddAuthorization(o => o.AddPolicy(Policy, p => p.RequireAuthenticatedUser().AddRequirements(new EnabledStaffRequirement())));
        builder.Services.AddScoped<IAuthorizationHandler, EnabledStaffHandler>();
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Conventions.Add(new StaffAreaConvention()));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<AuditLog>();
        return builder;
    }

    public static IApplicationBuilder UseStaff(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
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
