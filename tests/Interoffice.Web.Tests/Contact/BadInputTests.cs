using System.Net;
using Interoffice.Web.Features.Contact;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Interoffice.Web.Tests.Contact;

/// <summary>Whatever a visitor (or an attacker) types: refused with a clear Dutch message, or stored as written and shown encoded. Never a 500.</summary>
public sealed class BadInputTests(BadInputTests.MailedSite site) : IClassFixture<BadInputTests.MailedSite>
{
    public sealed class MailedSite : SiteFactory, IAsyncLifetime
    {
        public MailedSite() => WithSmtp(Smtp);

        public SmtpSink Smtp { get; } = SmtpSink.Started();

        public Task InitializeAsync() => Task.CompletedTask;

        async Task IAsyncLifetime.DisposeAsync()
        {
            await base.DisposeAsync();
            await Smtp.DisposeAsync();
        }
    }

    public static TheoryData<string, string, string, string> Refused => new()
    {
        { "Name", new string('x', 101), "Name", "Uw naam mag hoogstens 100 tekens lang zijn." },
        { "Email", new string('a', 250) + "@example.nl", "Email", "Uw e-mailadres mag hoogstens 254 tekens lang zijn." },
        { "Message", new string('m', 5001), "Message", "Uw bericht mag hoogstens 5000 tekens lang zijn; het is nu te lang." },
        { "Name", "Jan\r\nBcc: slachtoffer@example.com", "Name", "Uw naam bevat tekens die niet zijn toegestaan, zoals een regeleinde of tab." },
        { "Email", "jan@example.nl\r\nBcc: slachtoffer@example.com", "Email", "Vul een geldig e-mailadres in, bijvoorbeeld naam@bedrijf.nl." },
        { "Email", "Jan <jan@example.nl>", "Email", "Vul een geldig e-mailadres in, bijvoorbeeld naam@bedrijf.nl." },
        { "Message", "Kolom\tkolom", "Message", "Uw bericht bevat tekens die niet zijn toegestaan, zoals tabs of onzichtbare besturingstekens. Alleen regeleinden mogen." },
        { "Phone", "bel me maar", "Phone", "Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678 of +31 6 12345678, of laat het veld leeg." },
        { "Kind", "Hacker", "Kind", "Kies een van de onderwerpen uit de lijst." },
        { "Kind", "99", "Kind", "Kies een van de onderwerpen uit de lijst." },
        { "Name", "   ", "Name", "Vul uw naam in." },
    };

    // NUL cannot be typed into a browser; the framework refuses to read a form that has one.
    public static TheoryData<string, string> Unreadable => new()
    {
        { "Name", "Jan\0Jansen" },
        { "Message", "Hallo\0wereld" },
    };

    public static TheoryData<string, string> StoredAsWritten => new()
    {
        { "Name", "Jan <script>alert('naam')</script>" },
        { "Message", "<img src=x onerror=alert(1)> en <b>vet</b>" },
        { "Name", "Robert'); DROP TABLE ContactSubmissions;--" },
        { "Message", "' OR 1=1; --\nSELECT * FROM AspNetUsers" },
        { "Name", "שלום עולם" },
        { "Message", "مرحبا بالعالم\n\u202Eeerst omgekeerd\u202C en weer gewoon" },
        { "Name", "Jan 👋🏽 Jansen" },
        { "Message", "Groeten uit Winschoten 🎉🖨️📄" },
        { "Name", "Zoë Ødegård-Ünal" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Bad_input_is_refused_with_a_clear_Dutch_message_and_nothing_is_stored(string field, string value, string errorField, string message)
    {
        using var visitor = Visitor.Of(site);
        var before = await CountAsync();
        var fields = ContactPoster.Valid();
        fields[field] = value;

        var (response, page) = await ContactPoster.PostAsync(visitor, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, page.QuerySelector($"#{errorField}-fout")?.TextContent);
        Assert.Equal(before, await CountAsync());
    }

    [Theory]
    [MemberData(nameof(Unreadable))]
    public async Task A_form_with_a_NUL_byte_is_refused_with_the_Dutch_error_page_and_nothing_is_stored(string field, string value)
    {
        using var visitor = Visitor.Of(site);
        var before = await CountAsync();
        var fields = ContactPoster.Valid();
        fields[field] = value;

        var (response, page) = await ContactPoster.PostAsync(visitor, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Er ging iets mis", page.QuerySelector("h1")?.TextContent);
        Assert.Equal(before, await CountAsync());
    }

    [Theory]
    [MemberData(nameof(StoredAsWritten))]
    public async Task Unusual_but_harmless_input_is_stored_as_written_and_encoded_in_the_staff_mail(string field, string value)
    {
        using var visitor = Visitor.Of(site);
        var fields = ContactPoster.Valid();
        fields[field] = value;

        var (response, _) = await ContactPoster.PostAsync(visitor, fields);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var reference = await ContactPoster.ReferenceAsync(visitor, response);
        await using var scope = site.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Set<ContactSubmission>().SingleAsync(s => s.Reference == reference);
        Assert.Equal(value, field == "Name" ? stored.Name : stored.Message.ReplaceLineEndings("\n"));

        await Eventually.TrueAsync(() => site.Smtp.Messages.Any(m => m.Subject?.Contains(reference, StringComparison.Ordinal) == true), "the staff mail arrived");
        var mail = site.Smtp.Messages.Single(m => m.Subject?.Contains(reference, StringComparison.Ordinal) == true);
        Assert.DoesNotContain("<script", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(value.Split('\n')[0], mail.TextBody, StringComparison.Ordinal);
        Assert.Single(mail.To.Mailboxes);
        Assert.Empty(mail.Bcc);
    }

    private async Task<int> CountAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Set<ContactSubmission>().CountAsync();
    }
}
