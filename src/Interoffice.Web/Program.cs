using Interoffice.Web.Features.Consent;
using Interoffice.Web.Features.Contact;
using Interoffice.Web.Features.MyData;
using Interoffice.Web.Features.News;
using Interoffice.Web.Features.Newsletter;
using Interoffice.Web.Features.Privacy;
using Interoffice.Web.Features.Staff;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Email;
using Interoffice.Web.Infrastructure.Hosting;
using Serilog;

Log.Logger = LoggingExtensions.CreateBootstrapLogger();
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddSiteLogging();
    builder.AddSiteDatabase();
    builder.AddSecurityHeaders();
    builder.AddSiteWeb();
    builder.AddPrivacy();
    builder.AddConsent();
    builder.AddSiteEmail();
    builder.AddContact();
    builder.AddNews();
    builder.AddNewsletter();
    builder.AddMyData();
    builder.AddStaff();

    // Disposed on every way out (a verb's exit too), so that the log's background writer has written everything.
    await using var app = builder.Build();
    if (await app.RunVerbAsync(args) is { } exitCode)
    {
        return exitCode;
    }

    app.UseSiteWeb();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "The site stopped on an unhandled exception");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}
