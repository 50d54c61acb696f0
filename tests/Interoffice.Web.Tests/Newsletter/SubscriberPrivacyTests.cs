using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Interoffice.Web.Features.Newsletter;
using Interoffice.Web.Tests.Support;
using MimeKit;

namespace Interoffice.Web.Tests.Newsletter;

/// <summary>
/// A subscriber's data as staff meet it in the person tool: the proof of the sign-up, the export, the erasure. Without
/// a mail server, so that every mail is a file in the data folder too.
/// </summary>
public sealed class SubscriberPrivacyTests : IAsyncLifetime
{
    private const string Address = "marieke.bos@example.nl";
    private readonly SiteFactory site = new SiteFactory().With("Site:BaseUrl", "https://www.interoffice.nl");
    private Visitor staff = null!;

    public async Task InitializeAsync()
    {
        await Support.Staff.CreateAsync(site, "privacy@interoffice.nl");
        staff = Visitor.Of(site);
        using var signedIn = await Support.Staff.SignInAsync(staff, "privacy@interoffice.nl");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    public async Task DisposeAsync()
    {
        staff.Dispose();
        await site.DisposeAsync();
    }

    [Fact]
    public async Task Staff_see_when_and_how_an_address_signed_up_and_confirmed_and_the_wording_it_was_shown_by_its_hash()
    {
        var footer = await SubscribeAsync();

        var person = await Support.Staff.LookUpPersonAsync(staff, Address.ToUpperInvariant());
        var section = person.QuerySelector("h2:contains('Nieuwsbrief') + dl")!;
        var facts = section.QuerySelectorAll("dt").ToDictionary(d => d.TextContent, d => d.NextElementSibling!.TextContent.Normalized());
        Assert.Equal("ontvangt de nieuwsbrief", facts["Status"]);
        Assert.Contains("via het formulier op de website", facts["Aangemeld"], StringComparison.Ordinal);
        Assert.Contains("met de link uit de bevestigingsmail", facts["Bevestigd"], StringComparison.Ordinal);

        // The stored wording hashes to the hash on record, and is the text the footer form showed.
        var wording = section.QuerySelector("pre")!.TextContent;
        var hash = section.QuerySelector("code")!.TextContent;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(wording))), hash);
        foreach (var line in wording.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim('[', ']')))
        {
            Assert.Contains(line.Split(" (versie ")[0], footer, StringComparison.Ordinal);
        }

        using var exported = await Support.Staff.PostFormOnAsync(staff, person, "/beheer/persoon/export.json");
        using var json = JsonDocument.Parse(await exported.Content.ReadAsStringAsync());
        var newsletter = json.RootElement.GetProperty("newsletter");
        Assert.Equal(Address, newsletter.GetProperty("email").GetString());
        Assert.Equal(hash, newsletter.GetProperty("wordingSha256").GetString());
        Assert.Equal(wording, newsletter.GetProperty("wording").GetString());
        Assert.Equal(2, newsletter.GetProperty("mails").GetArrayLength());
    }

    [Fact]
    public async Task Erasing_a_subscriber_leaves_no_byte_of_the_address_in_the_data_folder_and_staff_can_sign_it_up_again()
    {
        await SubscribeAsync();
        Assert.NotEmpty(DataFolder.FilesContaining(Path.Combine(site.DataFolder, "mail"), Address));

        using (var erased = await Support.Staff.ErasePersonAsync(staff, Address))
        {
            Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);
        }

        Assert.Empty(DataFolder.FilesContaining(site.DataFolder, Address));
        var after = await Support.Staff.LookUpPersonAsync(staff, Address);
        Assert.Contains("Er is niets opgeslagen", after.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_address_that_left_is_shown_as_such_and_its_keyed_hash_goes_with_an_erasure()
    {
        await SubscribeAsync();
        var mail = (await MailsAsync()).Single(m => m.Subject!.StartsWith("Nieuws", StringComparison.Ordinal));
        using (var reader = Visitor.Of(site))
        {
            var page = await reader.PageAsync(new Uri(Subscribing.UnsubscribeHeaderOf(mail)).PathAndQuery);
            (await Subscribing.PostAsync(reader, "/nieuwsbrief/afmelden", new Dictionary<string, string> { ["code"] = page.QuerySelector("input[name=code]")!.GetAttribute("value")! })).Dispose();
        }

        Assert.Empty(DataFolder.FilesContaining(site.DataFolder, Address));
        var person = await Support.Staff.LookUpPersonAsync(staff, Address);
        Assert.Contains("Dit adres heeft zich afgemeld", person.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        using (var erased = await Support.Staff.ErasePersonAsync(staff, Address))
        {
            Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);
        }

        Assert.Contains("Er is niets opgeslagen", (await Support.Staff.LookUpPersonAsync(staff, Address)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    // Signs up in the footer, confirms with the mailed link, and receives one newsletter; returns the footer's text.
    private async Task<string> SubscribeAsync()
    {
        using var visitor = Visitor.Of(site);
        var footer = (await visitor.PageAsync("/over-ons")).QuerySelector(".newsletter-signup")!.TextContent.Normalized();
        (await Subscribing.SignUpAsync(visitor, Address, page: "/over-ons")).Dispose();
        var confirmation = await Eventually.ReturnsAsync(MailsAsync, m => m.Count == 1, "the confirmation mail was written");
        (await Subscribing.ConfirmAsync(visitor, Subscribing.ConfirmLinkIn(confirmation[0]))).Dispose();
        var (_, sent) = await NewsletterStaff.SendAsync(staff, "Nieuws uit Winschoten", "Het laatste nieuws.");
        sent.Dispose();
        await Eventually.ReturnsAsync(MailsAsync, m => m.Count == 2, "the newsletter was written");
        return footer;
    }

    private async Task<List<MimeMessage>> MailsAsync()
    {
        var folder = Path.Combine(site.DataFolder, "mail");
        var mails = new List<MimeMessage>();
        foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml") : [])
        {
            mails.Add(await MimeMessage.LoadAsync(file));
        }

        return mails;
    }
}
