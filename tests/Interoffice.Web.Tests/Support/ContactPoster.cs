using AngleSharp.Dom;
using Interoffice.Web.Features.Contact;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Interoffice.Web.Tests.Support;

/// <summary>Fills in the contact form the way a visitor's browser sends it.</summary>
public static class ContactPoster
{
    public static Dictionary<string, string> Valid(string name = "Jan Jansen", string email = "jan.jansen@example.nl", string message = "Graag een offerte voor twee multifunctionals.") => new()
    {
        ["Kind"] = "General",
        ["Name"] = name,
        ["Email"] = email,
        ["Phone"] = "06-12345678",
        ["Message"] = message,
        ["Website"] = "",
    };

    /// <summary>Opens /contact and posts its form with the given fields (the page's token and stamp included).</summary>
    public static async Task<(HttpResponseMessage Response, IDocument Page)> PostAsync(Visitor visitor, IReadOnlyDictionary<string, string> fields, bool withToken = true)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var values = await PageFieldsAsync(visitor);
        if (!withToken)
        {
            values.Remove("__RequestVerificationToken");
        }

        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }

        using var content = new FormUrlEncodedContent(values);
        var response = await visitor.SendAsync(HttpMethod.Post, "/contact", content);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        return (response, page);
    }

    /// <summary>What /contact puts in its form for this visitor: the signed start time and the antiforgery token.</summary>
    public static async Task<Dictionary<string, string>> PageFieldsAsync(Visitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        var form = (await visitor.PageAsync("/contact")).QuerySelector("form.contact-form")!;
        return new Dictionary<string, string>
        {
            ["Start"] = form.QuerySelector("input[name=Start]")!.GetAttribute("value")!,
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        };
    }

    /// <summary>The submission with this reference and the state of its staff mail as staff see it: read from the outbox.</summary>
    public static async Task<(ContactSubmission Submission, MailState Mail)> StoredAsync(SiteFactory site, string reference)
    {
        ArgumentNullException.ThrowIfNull(site);
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        var submission = await db.Set<ContactSubmission>().AsNoTracking().SingleAsync(s => s.Reference == reference);
        var mail = await OutboxQueries.Latest(db, submission.Id).AsNoTracking().FirstOrDefaultAsync();
        return (submission, MailStates.Of(mail));
    }

    /// <summary>The reference the visitor reads on the thank-you page that the post redirected to (it is never in the address).</summary>
    public static async Task<string> ReferenceAsync(Visitor visitor, HttpResponseMessage posted)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        ArgumentNullException.ThrowIfNull(posted);
        var thanks = await visitor.PageAsync(posted.Headers.Location!.OriginalString);
        return thanks.QuerySelector("strong.reference")?.TextContent ?? throw new InvalidOperationException("the thank-you page shows no reference");
    }
}
