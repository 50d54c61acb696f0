using System.Threading.RateLimiting;
using Interoffice.Web.Infrastructure.Email;
using Microsoft.Extensions.Options;

namespace Interoffice.Web.Features.Contact;

public static class ContactExtensions
{
    public static IHostApplicationBuilder AddContact(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ContactOptions>().BindConfiguration(ContactOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<SubmissionStore>();
        builder.Services.AddScoped<SubmissionDeletion>();
        builder.Services.AddSingleton<FormStamp>();
        builder.Services.AddScoped<IOutboxObserver, SubmissionNotificationObserver>();

        // Per client address; behind a proxy that address comes from X-Forwarded-For (ASPNETCORE_FORWARDEDHEADERS_ENABLED).
        // A rejected post gets status 429, which the status-code pages turn into the Dutch page.
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(ContactController.RateLimitPolicy, context =>
            {
                var contact = context.RequestServices.GetRequiredService<IOptions<ContactOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "onbekend",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = contact.RateLimitPermits,
                        Window = TimeSpan.FromMinutes(contact.RateLimitWindowMinutes),
                        QueueLimit = 0,
                    });
            });
        });
        return builder;
    }
}
