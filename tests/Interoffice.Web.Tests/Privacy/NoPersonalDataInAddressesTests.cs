using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Interoffice.Web.Tests.Support;

namespace Interoffice.Web.Tests.Privacy;

/// <summary>
/// Addresses end up in proxy and server logs, browser history, Referer headers and analytics page views: a visitor and
/// a staff member go through the whole site, and no address the site is asked for or hands out (links, form actions,
/// resources, redirects) holds an e-mail address, a phone number or a submission reference. (mailto: and tel: links
/// are not requested from anyone; they only open the mail or phone app.)
/// </summary>
public sealed partial class NoPersonalDataInAddressesTests : IAsyncLifetime
{
    private readonly SiteFactory site = new SiteFactory().WithAllServices();
    private readonly List<string> addresses = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await site.DisposeAsync();

    [Fact]
    public async Task A_visitor_and_a_staff_member_going_through_the_site_meet_no_personal_data_in_any_address()
    {
        using var visitor = Visitor.Of(site);
        foreach (var path in PublicPages.Paths)
        {
            await OpenAsync(visitor, path);
        }

        var (posted, _) = await ContactPoster.PostAsync(visitor, ContactPoster.Valid(name: "Petra de Vries", email: "petra.devries@example.nl", message: "Bel mij op 0597 123456 over de printer."));
        Record(posted);
        var reference = await ContactPoster.ReferenceAsync(visitor, posted);
        await OpenAsync(visitor, posted.Headers.Location!.OriginalString);
        using (var choice = await visitor.ChooseAsync("selectie", ["analytics"]))
        {
            Record(choice);
        }

        using (var rejected = await visitor.ChooseAsync("niets"))
        {
            Record(rejected);
        }

        // The consent id identifies the visitor's browser: it counts as personal data here too.
        var consentId = (await OpenAsync(visitor, "/cookies")).QuerySelector("dl.consent-current code")!.TextContent;

        await Support.Staff.CreateAsync(site, "sanne@interoffice.nl");
        using var staff = Visitor.Of(site);
        await OpenAsync(staff, "/beheer/persoon");
        using (var signedIn = await Support.Staff.SignInAsync(staff, "sanne@interoffice.nl"))
        {
            Record(signedIn);
        }

        var inbox = await OpenAsync(staff, "/beheer");
        foreach (var link in Links(inbox).Where(l => l.StartsWith("/beheer", StringComparison.Ordinal) && !l.Contains("uitloggen", StringComparison.Ordinal)).Distinct())
        {
            await OpenAsync(staff, link);
        }

        using (var search = await Support.Staff.PostFormAsync(staff, "/beheer", "/beheer", ("zoek", "petra.devries@example.nl")))
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

        using (var erased = await Support.Staff.ErasePersonAsync(staff, "petra.devries@example.nl"))
        {
            Record(erased);
            await OpenAsync(staff, erased.Headers.Location!.OriginalString);
        }

        Assert.True(addresses.Count > 100, $"only {addresses.Count} addresses seen");
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

    private async Task<IDocument> OpenAsync(Visitor who, string path)
    {
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

    private static IEnumerable<string> Links(IDocument document) =>
        document.QuerySelectorAll("a[href], link[href], script[src], img[src], iframe[src], form[action]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src") ?? e.GetAttribute("action") ?? "")
            .Where(a => !a.StartsWith("mailto:", StringComparison.Ordinal) && !a.StartsWith("tel:", StringComparison.Ordinal));

    // An e-mail address, a phone number (ten digits or more, with spaces or dashes), or a submission reference.
    [GeneratedRegex(@"@|\+?\d[\d \-]{8,}\d|IO-[0-9A-Z]{8}")]
    private static partial Regex Personal();

    // Only a message's own address: elsewhere an id may be a visitor's (a consent id) and is not taken out.
    [GeneratedRegex(@"/beheer/berichten/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"(?<![\d-])(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\d-])")]
    private static partial Regex DatePattern();
}
