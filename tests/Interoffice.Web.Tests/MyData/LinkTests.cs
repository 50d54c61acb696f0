using System.Net;
using Interoffice.Web.Features.MyData;
using Interoffice.Web.Infrastructure.Hosting;
using Interoffice.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Events;

namespace Interoffice.Web.Tests.MyData;

/// <summary>The link in the mail: once, within 30 minutes, in the browser that asked; the session it opens lasts 15 minutes. Each refusal says why, in Dutch.</summary>
public sealed class LinkTests : IAsyncLifetime
{
    private const string Address = "anna.de.vries@example.nl";
    private readonly SmtpSink smtp = SmtpSink.Started();
    private readonly SiteFactory site;

    public LinkTests() => site = new SiteFactory().With("Site:BaseUrl", "https://www.interoffice.nl").WithSmtp(smtp);

    public async Task InitializeAsync()
    {
        using var writer = Visitor.Of(site);
        (await ContactPoster.PostAsync(writer, ContactPoster.Valid(name: "Anna de Vries", email: Address))).Response.Dispose();
    }

    public async Task DisposeAsync()
    {
        await site.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task The_link_opens_the_page_once_in_the_browser_that_asked_with_a_cookie_no_script_or_other_site_gets()
    {
        using var visitor = Visitor.Of(site);
        using var asked = await SelfServicing.RequestAsync(visitor, Address);
        var link = await LinkAsync();

        // The page behind the link carries the code in a button's form, tells no other site where it came from, and
        // the code is stored nowhere: only its hash is.
        using var landing = await visitor.SendAsync(HttpMethod.Get, new Uri(link).PathAndQuery);
        Assert.Equal("no-referrer", landing.Headers.GetValues("Referrer-Policy").Single());
        await Eventually.TrueAsync(() => DataFolder.FilesContaining(site.DataFolder, SelfServicing.CodeOf(link)).Count == 0, "the sent mail's link was forgotten");
        Assert.NotEmpty(DataFolder.FilesContaining(site.DataFolder, Secrets.Hash(SelfServicing.CodeOf(link))));

        using var opened = await SelfServicing.OpenAsync(visitor, link);
        Assert.Equal(HttpStatusCode.SeeOther, opened.StatusCode);
        Assert.Equal(MyDataSessionController.Overview, opened.Headers.Location!.OriginalString);
        var cookie = opened.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(MyDataCookie.Name, StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("path=/mijn-gegevens", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", cookie, StringComparison.Ordinal);
        Assert.Contains("secure", cookie, StringComparison.Ordinal);

        var page = await visitor.PageAsync(MyDataSessionController.Overview);
        Assert.Contains("Anna de Vries", SelfServicing.Text(page), StringComparison.Ordinal);

        using var again = await SelfServicing.OpenAsync(visitor, link);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Deze link is al gebruikt: hij werkt maar één keer.", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pressing_the_button_twice_at_once_opens_one_session_and_an_old_tab_does_not_undo_the_binding()
    {
        using var visitor = Visitor.Of(site);
        (await SelfServicing.RequestAsync(visitor, Address)).Dispose();
        var link = await LinkAsync();

        // An old tab of the session page, reloaded while the link waits, leaves the browser's binding alone.
        Assert.Contains("niet (meer) ingelogd", SelfServicing.Text(await visitor.PageAsync(MyDataSessionController.Overview)), StringComparison.Ordinal);

        // Two tabs show the button; both are pressed at the same moment.
        var tabs = new[] { await SelfServicing.LandAsync(visitor, link), await SelfServicing.LandAsync(visitor, link) };
        var presses = await Task.WhenAll(tabs.Select(async tab => (await SelfServicing.PressAsync(visitor, tab)).StatusCode));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.SeeOther], presses.Order());
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Interoffice.Web.Infrastructure.Data.SiteDbContext>();
        Assert.Equal(1, await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Set<AccessSession>()));
    }

    [Fact]
    public async Task A_link_opened_in_another_browser_is_refused_in_Dutch_and_still_works_where_it_was_asked_for()
    {
        using var visitor = Visitor.Of(site);
        (await SelfServicing.RequestAsync(visitor, Address)).Dispose();
        var link = await LinkAsync();

        using var eavesdropper = Visitor.Of(site);
        using var refused = await SelfServicing.OpenAsync(eavesdropper, link);
        var text = SelfServicing.Text(await Html.ParseAsync(await refused.Content.ReadAsStringAsync()));
        Assert.Contains("Deze link werkt alleen in de browser waarin u hem aanvroeg.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Anna", text, StringComparison.Ordinal);
        Assert.Contains("niet (meer) ingelogd", SelfServicing.Text(await eavesdropper.PageAsync(MyDataSessionController.Overview)), StringComparison.Ordinal);

        using var opened = await SelfServicing.OpenAsync(visitor, link);
        Assert.Equal(HttpStatusCode.SeeOther, opened.StatusCode);
    }

    [Fact]
    public async Task A_link_older_than_30_minutes_is_refused_and_a_session_ends_after_15()
    {
        using var late = Visitor.Of(site);
        (await SelfServicing.RequestAsync(late, Address)).Dispose();
        var expired = await LinkAsync();
        site.Clock.Advance(TimeSpan.FromMinutes(31));
        using var refused = await SelfServicing.OpenAsync(late, expired);
        Assert.Contains("Deze link is verlopen: hij werkte 30 minuten.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var visitor = Visitor.Of(site);
        (await SelfServicing.RequestAsync(visitor, Address)).Dispose();
        var link = await LinkAsync(2);
        (await SelfServicing.OpenAsync(visitor, link)).Dispose();
        site.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Contains("Anna de Vries", SelfServicing.Text(await visitor.PageAsync(MyDataSessionController.Overview)), StringComparison.Ordinal);
        site.Clock.Advance(TimeSpan.FromMinutes(2));
        var ended = SelfServicing.Text(await visitor.PageAsync(MyDataSessionController.Overview));
        Assert.Contains("U bent niet (meer) ingelogd op Mijn gegevens.", ended, StringComparison.Ordinal);
        Assert.DoesNotContain("Anna", ended, StringComparison.Ordinal);
        using var download = await visitor.SendAsync(HttpMethod.Get, "/mijn-gegevens/gegevens.json");
        Assert.DoesNotContain(Address, await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Neither_the_code_nor_the_address_reaches_the_log()
    {
        using var visitor = Visitor.Of(site);
        (await SelfServicing.RequestAsync(visitor, Address)).Dispose();
        var link = await LinkAsync();
        (await SelfServicing.OpenAsync(visitor, link)).Dispose();
        (await visitor.PageAsync(MyDataSessionController.Overview)).Dispose();

        var code = SelfServicing.CodeOf(link);
        Assert.DoesNotContain(site.LogEvents, e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture).Contains(code, StringComparison.Ordinal) || e.Properties.Values.Any(v => v.ToString().Contains(code, StringComparison.Ordinal)));
        Assert.DoesNotContain(site.LogEvents.Where(e => e.Level <= LogEventLevel.Information), e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture).Contains(Address, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(site.LogEvents, e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("/mijn-gegevens/openen", StringComparison.Ordinal));
    }

    // The newest link mailed to the address (the n-th mail to it), once it arrived.
    private async Task<string> LinkAsync(int nth = 1)
    {
        await Eventually.TrueAsync(() => Task.FromResult(Mails().Count >= nth), "the link arrived");
        return SelfServicing.LinkIn(Mails()[nth - 1]) ?? throw new InvalidOperationException("no link");
    }

    private List<MimeKit.MimeMessage> Mails() => [.. smtp.Messages.Where(m => m.To.Mailboxes.Any(b => b.Address == Address))];
}
