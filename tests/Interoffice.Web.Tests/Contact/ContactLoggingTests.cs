using System.Globalization;
using Interoffice.Web.Tests.Support;
using Serilog.Events;

namespace Interoffice.Web.Tests.Contact;

public sealed class ContactLoggingTests
{
    [Fact]
    public async Task A_submission_leaves_its_reference_in_the_log_but_no_name_address_or_message()
    {
        await using var smtp = SmtpSink.Started();
        await using var site = new SiteFactory().WithSmtp(smtp);
        using var visitor = Visitor.Of(site);
        visitor.Headers["X-Forwarded-For"] = "198.51.100.23";

        var (response, _) = await ContactPoster.PostAsync(visitor, ContactPoster.Valid(name: "Geertruida Bakker", email: "g.bakker@example.nl", message: "Vertrouwelijk: onze kopieerkosten"));
        await Outgoing.SettleAsync(site);
        Assert.Single(smtp.Messages);

        var reference = await ContactPoster.ReferenceAsync(visitor, response);
        var written = site.LogEvents.Where(e => e.Level >= LogEventLevel.Information)
            .Select(e => e.RenderMessage(CultureInfo.InvariantCulture) + " " + string.Join(' ', e.Properties.Values))
            .ToList();
        Assert.Contains(written, line => line.Contains(reference, StringComparison.Ordinal));
        Assert.All(written, line =>
        {
            Assert.DoesNotContain("Bakker", line, StringComparison.Ordinal);
            Assert.DoesNotContain("g.bakker@example.nl", line, StringComparison.Ordinal);
            Assert.DoesNotContain("kopieerkosten", line, StringComparison.Ordinal);
            Assert.DoesNotContain("198.51.100.23", line, StringComparison.Ordinal);
        });
    }
}
