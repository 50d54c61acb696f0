using System.Text.RegularExpressions;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Hosting;

namespace Interoffice.Web.Features.Contact;

public static class ContactExtensions
{
    public static IHostApplicationBuilder AddContact(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ContactOptions>().BindConfiguration(ContactOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<SubmissionStore>();
        builder.Services.AddScoped<SubmissionDeletion>();
        builder.Services.AddPageMiddleware<ContactFormTokens>();
        builder.Services.AddOptions<ContactRetentionOptions>().BindConfiguration(ContactRetentionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRetentionTask<ContactSubmissionRetention>();
        builder.Services.AddRetentionTask<ContactMailFileRetention>();
        builder.Services.AddSingleton<DeadlineReminder>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DeadlineReminder>());

        builder.Services.AddPerClientRateLimit<ContactOptions>(ContactController.RateLimitPolicy, o => (o.RateLimitPermits, o.RateLimitWindowMinutes));

        builder.Services.Configure<BackupOptions>(o => o.Counts.Add((typeof(ContactSubmission), "bericht", "berichten")));

        // A submission's reference (IO-7K3F9QXM) points at a person: never repeated in a return address.
        builder.Services.Configure<ReturnPathOptions>(o => o.PersonalData.Add(new("IO-[0-9A-Z]{8}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)));
        return builder;
    }
}
