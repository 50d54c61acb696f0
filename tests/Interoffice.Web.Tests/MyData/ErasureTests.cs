using System.Net;
using Interoffice.Web.Features.MyData;
using Interoffice.Web.Tests.Support;
using MimeKit;

namespace Interoffice.Web.Tests.MyData;

/// <summary>
/// A person erases everything on their own page, by the staff tool's path. Without a mail server, so that every mail
/// is a file in the data folder too: the byte search covers the mails.
/// </summary>
public sealed class ErasureTests : IAsyncLifetime
{
    private const string Address = "sanne.visser@example.nl";
    private readonly SiteFactory site = new SiteFactory().With("Site:BaseUrl", "https://www.interoffice.nl");
    private readonly Visitor visitor;
    private Visitor staff = null!;

    public ErasureTests() => visitor = Visitor.Of(site);

    public async Task InitializeAsync()
    {
        (await ContactPoster.PostAsync(visitor, ContactPoster.Valid(name: "Sanne Visser", email: Address, message: "Factuur 2026-118 klopt niet."))).Response.Dispose();
        var folder = ContactPoster.Valid(name: "Sanne de Jong-Visser", email: Address, message: "Stuur mij een folder over scanners.");
        folder["Phone"] = "0597 999999";
        (await ContactPoster.PostAsync(visitor, folder)).Response.Dispose();
        (await Subscribing.SignUpAsync(visitor, Address)).Dispose();
        await Support.Staff.CreateAsync(site, "privacy@interoffice.nl");
        staff = Visitor.Of(site);
        (await Support.Staff.SignInAsync(staff, "privacy@interoffice.nl")).Dispose();
    }

    public async Task DisposeAsync()
    {
        visitor.Dispose();
        staff.Dispose();
        await site.DisposeAsync();
    }

    [Fact]
    public async Task After_erasing_on_their_own_page_the_person_tool_finds_nothing_and_no_file_holds_a_byte_of_it()
    {
        await SignInAsync();
        (await visitor.SendAsync(HttpMethod.Get, "/mijn-gegevens/gegevens.json")).Dispose();
        Assert.NotEmpty(DataFolder.FilesContaining(site.DataFolder, Address));

        var confirm = await visitor.PageAsync("/mijn-gegevens/wissen");
        Assert.Contains("Wij wissen 2 berichten, uw aanmelding voor de nieuwsbrief", SelfServicing.Text(confirm), StringComparison.Ordinal);
        using var erased = await SelfServicing.PostOnAsync(visitor, confirm, "/mijn-gegevens/wissen");
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        Assert.Contains("Alles wat wij bij uw e-mailadres bewaarden, is gewist.", await erased.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        foreach (var trace in new[] { Address, "Sanne Visser", "Sanne de Jong-Visser", "+31597999999", "Factuur 2026-118", "folder over scanners" })
        {
            Assert.Empty(DataFolder.FilesContaining(site.DataFolder, trace));
        }

        Assert.Contains("Er is niets opgeslagen bij", SelfServicing.Text(await Support.Staff.LookUpPersonAsync(staff, Address)), StringComparison.Ordinal);
        Assert.Contains("niet (meer) ingelogd", SelfServicing.Text(await visitor.PageAsync(MyDataSessionController.Overview)), StringComparison.Ordinal);
        var audit = SelfServicing.Text(await staff.PageAsync("/beheer/logboek"));
        Assert.Contains("mijn-gegevens-gewist", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submission_kept_for_the_accounts_stays_with_why_and_until_when_and_becomes_a_request_for_staff()
    {
        var inbox = await staff.PageAsync("/beheer");
        var rows = inbox.QuerySelectorAll("tbody tr");
        var invoiceRow = rows[rows.Length - 1];
        var detailPath = invoiceRow.QuerySelector("a")!.GetAttribute("href")!;
        var reference = invoiceRow.QuerySelector("a")!.TextContent;
        using (var kept = await Support.Staff.PostFormAsync(staff, detailPath, $"{detailPath}/bewaren", ("keep", "true")))
        {
            Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        }

        var detail = SelfServicing.Text(await staff.PageAsync(detailPath));
        Assert.Contains("Bewaard voor de administratie tot", detail, StringComparison.Ordinal);
        var until = TestTime.Start.AddYears(7).Year.ToString(System.Globalization.CultureInfo.InvariantCulture);

        await SignInAsync();
        var confirm = await visitor.PageAsync("/mijn-gegevens/wissen");
        var confirmText = SelfServicing.Text(confirm);
        Assert.Contains("Wat wij moeten bewaren", confirmText, StringComparison.Ordinal);
        Assert.Contains($"{reference}", confirmText, StringComparison.Ordinal);
        Assert.Contains(until, confirmText, StringComparison.Ordinal);

        using var erased = await SelfServicing.PostOnAsync(visitor, confirm, "/mijn-gegevens/wissen");
        var text = SelfServicing.Text(await Html.ParseAsync(await erased.Content.ReadAsStringAsync()));
        Assert.Contains("Alles is gewist, behalve wat wij volgens de wet moeten bewaren.", text, StringComparison.Ordinal);
        Assert.Contains($"{reference} (Algemene vraag", text, StringComparison.Ordinal);
        Assert.Contains("voor de administratie (fiscale bewaarplicht), tot", text, StringComparison.Ordinal);
        Assert.Contains("Uw verzoek om ook dit te wissen heeft referentie IO-", text, StringComparison.Ordinal);

        // Kept: the invoice question. Gone: the other message and the newsletter.
        Assert.NotEmpty(DataFolder.FilesContaining(site.DataFolder, "Factuur 2026-118"));
        // Nothing of the erased message comes back with the request staff now get: not its name, not its phone number.
        Assert.Empty(DataFolder.FilesContaining(site.DataFolder, "folder over scanners"));
        Assert.Empty(DataFolder.FilesContaining(site.DataFolder, "Sanne de Jong-Visser"));
        Assert.Empty(DataFolder.FilesContaining(site.DataFolder, "+31597999999"));
        var person = SelfServicing.Text(await Support.Staff.LookUpPersonAsync(staff, Address));
        Assert.Contains("Niet aangemeld voor de nieuwsbrief.", person, StringComparison.Ordinal);
        Assert.Contains("Verzoek om verwijdering van mijn gegevens", person, StringComparison.Ordinal);
        Assert.Contains($"Gewist (behalve wat bewaard moet blijven) (bewaard: {reference}; verzoek IO-", person, StringComparison.Ordinal);
        var top = (await staff.PageAsync("/beheer")).QuerySelector("tbody tr")!.TextContent.Normalized();
        Assert.Contains("Verzoek om verwijdering van mijn gegevens", top, StringComparison.Ordinal);

        // Staff cannot delete it by accident either, until they lift the hold.
        using var deleting = await Support.Staff.PostFormAsync(staff, $"{detailPath}/verwijderen", $"{detailPath}/verwijderen");
        Assert.Contains("wordt bewaard voor de administratie en is niet verwijderd", SelfServicing.Text(await staff.PageAsync(detailPath)), StringComparison.Ordinal);
    }

    private async Task SignInAsync()
    {
        (await SelfServicing.RequestAsync(visitor, Address)).Dispose();
        var link = await Eventually.ReturnsAsync(() => Task.FromResult(LinkInPickupFolder()), l => l is not null, "the link was written to the pickup folder");
        using var opened = await SelfServicing.OpenAsync(visitor, link!);
        Assert.Equal(HttpStatusCode.SeeOther, opened.StatusCode);
    }

    private string? LinkInPickupFolder() =>
        Directory.Exists(site.PickupFolder)
            ? Directory.EnumerateFiles(site.PickupFolder, "*.eml").Select(f => SelfServicing.LinkIn(MimeMessage.Load(f))).FirstOrDefault(l => l is not null)
            : null;
}
