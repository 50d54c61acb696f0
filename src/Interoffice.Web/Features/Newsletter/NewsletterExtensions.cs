using Interoffice.Web.Features.Privacy;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Email;
using Interoffice.Web.Infrastructure.Hosting;
using Microsoft.Extensions.Options;

namespace Interoffice.Web.Features.Newsletter;

/// <summary>The newsletter: sign-up by double opt-in, sending through the outbox's own lane, unsubscribing; staff send it (Areas/Beheer/Features/Newsletter).</summary>
public static class NewsletterExtensions
{
    public static IHostApplicationBuilder AddNewsletter(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<NewsletterOptions>().BindConfiguration(NewsletterOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<NewsletterKeys>();
        builder.Services.AddScoped<Subscriptions>();
        builder.Services.AddScoped<SubscriberRecords>();
        builder.Services.AddScoped<NewsletterSending>();
        builder.Services.AddScoped<IStatementAnnouncements, StatementAnnouncements>();
        builder.Services.AddOptions<OutboxLaneOptions>().Configure<IOptions<NewsletterOptions>>((lanes, newsletter) =>
            lanes.Lanes.Add(new OutboxLane(NewsletterMails.Lane, newsletter.Value.MessagesPerMinute, NewsletterMails.ListId)));
        builder.Services.AddPerClientRateLimit<NewsletterOptions>(NewsletterController.RateLimitPolicy, o => (o.RateLimitPermits, o.RateLimitWindowMinutes));
        builder.Services.AddRetentionTask<UnconfirmedSignUpRetention>();
        builder.Services.AddRetentionTask<NewsletterMailRetention>();
        builder.Services.Configure<BackupOptions>(o => o.Counts.Add((typeof(Subscriber), "abonnee", "abonnees")));
        return builder;
    }
}
