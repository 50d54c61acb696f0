using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Interoffice.Web.Tests.Support;

namespace Interoffice.Web.Tests.Privacy;

/// <summary>
/// Addresses end up in proxy and server logs, browser history, Referer headers and analytics page views: a visitor and
/// a staff member go through the whole site, following every link the site hands out, and no address the site is
/// asked for or hands out (links, form actions and form buttons' actions, resources, addresses in data attributes
/// for scripts, redirects) holds an e-mail address, a phone number or a submission reference. The company's own
/// mailto: and tel: links are the only addresses with an @ or a phone number: they are not personal data.
/// </summary>
public sealed partial class NoPersonalDataInAddressesTests : IAsyncLifetime
{
    private readonly SiteFactory site = new SiteFactory().WithAllServices();
    private readonly List<string> addresses = [];
    private readonly HashSet<string> opened = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await site.DisposeAsync();

    [Fact]
    public async Task A_visitor_and_a_staff_member_going_through_the_site_meet_no_personal_data_in_any_address()
    {
        using var visitor = Visitor.Of(site);
        await CrawlAsync(visitor, [.. PublicPages.Paths, "/bestaat-niet"], staffArea: false);

        var (posted, _) = await ContactPoster.PostAsync(visitor, ContactPoster.Valid(name: "Petra de Vries", email: "petra.devries@example.nl", message: "Bel mij op 0597 123456 over de printer."));
        Record(posted);
        var thanks = await OpenAsync(visitor, posted.Headers.Location!.OriginalString);
        var reference = thanks.QuerySelector("strong.reference")!.TextContent;
        await OpenAsync(visitor, posted.Headers.Location!.OriginalString);
        using (var choice = await visitor.ChooseAsync("selectie", ["analytics"]))
        {
            Record(choice);
        }

        using (var video = await visitor.ChooseAsync("alles", returnUrl: "/over-ons#video", fromPage: "/over-ons"))
        {
            Record(video);
        }

        using (var rejected = await visitor.ChooseAsync("niets"))
        {
            Record(rejected);
        }

        // With every service consented the pages carry more (embeds, scripts); the visitor goes through them again.
        await CrawlAsync(visitor, [.. PublicPages.Paths], staffArea: false);

        // The consent id identifies the visitor's browser: it counts as personal data here too.
        var consentId = (await OpenAsync(visitor, "/cookies")).QuerySelector("dl.consent-current code")!.TextContent;

        await Support.Staff.CreateAsync(site, "sanne@interoffice.nl");
        using var staff = Visitor.Of(site);
        await OpenAsync(staff, "/beheer/persoon");
        await OpenAsync(staff, "/beheer/inloggen");
        using (var signedIn = await Support.Staff.SignInAsync(staff, "sanne@interoffice.nl"))
        {
            Record(signedIn);
        }

        await CrawlAsync(staff, ["/beheer"], staffArea: true);

        using (var search = await Support.Staff.PostFormAsync(staff, "/beheer", "/beheer", ("Search", "petra.devries@example.nl")))
        {
            Record(search);
            Collect(await Html.ParseAsync(await search.Content.ReadAsStringAsync()));
        }

        var person = await Support.Staff.LookUpPersonAsync(staff, "petra.devries@example.nl");
        Collect(person);
        using (var exported = await Support.Staff.PostFormOnAsync(staff, person, "/beheer/persoon/export.json"))
        {
            Record(exported);
        }

        var consent = await Support.Staff.LookUpConsentAsync(staff, consentId);
        Collect(consent);
        using (var evidence = await Support.Staff.PostFormOnAsync(staff, consent, "/beheer/toestemmingen/bewijs"))
        {
            Record(evidence);
        }

        using (var confirming = await Support.Staff.PostFormOnAsync(staff, person, "/beheer/persoon/wissen/bevestigen"))
        {
            Record(confirming);
            var confirmation = await Html.ParseAsync(await confirming.Content.ReadAsStringAsync());
            Collect(confirmation);
            using var erased = await Support.Staff.PostFormOnAsync(staff, confirmation, "/beheer/persoon/wissen");
            Record(erased);
            await OpenAsync(staff, erased.Headers.Location!.OriginalString);
        }

        // The two-step sign-in's pages: a second staff member with two-step sign-in on signs in by code.
        await Support.Staff.CreateAsync(site, "joost@interoffice.nl");
        using var secondStep = Visitor.Of(site);
        using (var first = await Support.Staff.SignInAsync(secondStep, "joost@interoffice.nl"))
        {
            Record(first);
        }

        var key = await Support.Staff.EnableTwoFactorAsync(secondStep);
        using (var signedOut = await Support.Staff.PostFormAsync(secondStep, "/beheer", "/beheer/uitloggen"))
        {
            Record(signedOut);
        }

        using (var password = await Support.Staff.SignInAsync(secondStep, "joost@interoffice.nl"))
        {
            Record(password);
            await OpenAsync(secondStep, password.Headers.Location!.OriginalString);
        }

        await OpenAsync(secondStep, "/beheer/inloggen/herstelcode");
        using (var code = await Support.Staff.PostStepAsync(secondStep, "/beheer/inloggen/code", "Code", Support.Staff.TotpCode(key)))
        {
            Record(code);
        }

        Assert.True(opened.Count > 20, $"only {opened.Count} pages opened: {string.Join(" ", opened)}");
        Assert.Contains("/privacyverklaring/versies", opened);
        Assert.Contains("/over-ons?video=laden", opened);
        Assert.Contains("/beheer/inloggen/code", opened);
        Assert.Contains("/beheer/account/tweestaps", opened);
        Assert.Contains(opened, p => p.EndsWith("/verwijderen", StringComparison.Ordinal));
        Assert.Contains(addresses, a => a.StartsWith("/beheer/inloggen/passkey", StringComparison.Ordinal));
        Assert.Empty(addresses.Where(a => HoldsPersonalData(a, reference) || a.Contains(consentId, StringComparison.OrdinalIgnoreCase)).Distinct());
    }

    [Theory]
    [InlineData("/beheer/berichten/c318dfe8-2040-4854-92f7-ae2170881234", false)]
    [InlineData("/beheer/persoon?email=petra%40example.nl", true)]
    [InlineData("/contact?tel=0597%20123456", true)]
    [InlineData("/contact?tel=%2B31-6-12345678", true)]
    [InlineData("/contact/bedankt?referentie=IO-AB12CD34", true)]
    [InlineData("/beheer/toestemmingen/cijfers.csv?van=2026-09-07&tot=2026-11-29", false)]
    [InlineData("/contact?tel=0597-12-34-56", true)]
    public void The_address_check_tells_an_id_from_personal_data(string address, bool personal)
    {
        Assert.Equal(personal, HoldsPersonalData(address, "IO-AB12CD34"));
    }

    // Ids (GUIDs) and dates (yyyy-mm-dd, the period of the consent figures) are not personal data, but their digit
    // groups look like a phone number: they are taken out first.
    private static bool HoldsPersonalData(string address, string reference)
    {
        var text = DatePattern().Replace(IdPattern().Replace(Uri.UnescapeDataString(address), "/beheer/berichten/{id}"), "{datum}");
        return Personal().IsMatch(text) || text.Contains(reference, StringComparison.Ordinal);
    }

    // Every page reachable by links from the start pages: the public site for a visitor, the staff area for staff.
    // Files (stylesheets, scripts, images, exports, a statement's plain text) are recorded but not opened.
    private async Task CrawlAsync(Visitor who, IEnumerable<string> start, bool staffArea)
    {
        var seen = new HashSet<string>();
        var queue = new Queue<string>(start);
        while (queue.TryDequeue(out var path))
        {
            if (!seen.Add(path))
            {
                continue;
            }

            var document = await OpenAsync(who, path);
            foreach (var link in document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!.Split('#')[0]))
            {
                if (link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) && link.StartsWith("/beheer", StringComparison.Ordinal) == staffArea && !IsFile(link))
                {
                    queue.Enqueue(link);
                }
            }
        }
    }

    private static bool IsFile(string path) =>
        Path.HasExtension(path.Split('?')[0]) || path.EndsWith("/tekst", StringComparison.Ordinal);

    private async Task<IDocument> OpenAsync(Visitor who, string path)
    {
        opened.Add(path);
        addresses.Add(path);
        var (response, document) = await who.GetAsync(path);
        Record(response);
        response.Dispose();
        Collect(document);
        return document;
    }

    private void Record(HttpResponseMessage response)
    {
        addresses.Add(response.RequestMessage!.RequestUri!.PathAndQuery);
        if (response.Headers.Location is { } location)
        {
            addresses.Add(location.OriginalString);
        }
    }

    private void Collect(IDocument document) => addresses.AddRange(Links(document));

    // Every attribute that holds an address: links, resources, form actions, form buttons' actions, addresses given to
    // scripts in data attributes, and the page's canonical address in its meta data.
    private static IEnumerable<string> Links(IDocument document) =>
        document.All
            .SelectMany(e => e.Attributes)
            .Where(a => a.Name is "href" or "src" or "action" or "formaction" or "content" || a.Name.StartsWith("data-", StringComparison.Ordinal))
            .Select(a => a.Value.Trim())
            .Where(v => v.StartsWith('/') || v.StartsWith("http", StringComparison.Ordinal) || v.StartsWith("mailto:", StringComparison.Ordinal) || v.StartsWith("tel:", StringComparison.Ordinal))
            .Where(v => v is not (Interoffice.Web.Features.Shared.Company.EmailUri or Interoffice.Web.Features.Shared.Company.PhoneUri));

    // An e-mail address, a phone number (ten digits or more, with spaces or dashes), or a submission reference.
    [GeneratedRegex(@"@|\+?\d[\d \-]{8,}\d|IO-[0-9A-Z]{8}")]
    private static partial Regex Personal();

    // Only a message's own address: elsewhere an id may be a visitor's (a consent id) and is not taken out.
    [GeneratedRegex(@"/beheer/berichten/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"(?<![\d-])(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\d-])")]
    private static partial Regex DatePattern();
}
