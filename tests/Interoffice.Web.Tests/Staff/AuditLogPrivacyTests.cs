using System.Net;
using Interoffice.Web.Features.Staff;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Interoffice.Web.Tests.Staff;

/// <summary>
/// The audit log is kept for two years and read by staff: it holds no visitor's data. Read as an auditor reads it,
/// from the staff page and from the bytes of the data folder.
/// </summary>
public sealed class AuditLogPrivacyTests : IAsyncLifetime
{
    private readonly SiteFactory site = new SiteFactory().WithAllServices();

    public async Task InitializeAsync() => await Support.Staff.CreateAsync(site, "sanne@interoffice.nl");

    public async Task DisposeAsync() => await site.DisposeAsync();

    [Fact]
    public async Task An_address_typed_at_sign_in_that_has_no_account_is_kept_only_as_a_keyed_hash_that_groups_an_attack()
    {
        using var stranger = Visitor.Of(site);
        foreach (var typed in new[] { "jan.bezoeker@example.nl", "JAN.BEZOEKER@example.nl ", "Kl0mpenMaker!2026" })
        {
            using var _ = await Support.Staff.SignInAsync(stranger, typed, "een wachtwoord");
        }

        var entries = await EntriesAsync();
        var unknown = entries.Where(e => e.Actor.StartsWith("onbekend account #", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, unknown.Count);
        Assert.Equal(2, unknown.Select(e => e.Actor).Distinct().Count());
        Assert.Empty(DataFolder.FilesContaining(site.DataFolder, "bezoeker@example.nl"));
        Assert.Empty(DataFolder.FilesContaining(site.DataFolder, "BEZOEKER"));
        Assert.Empty(DataFolder.FilesContaining(site.DataFolder, "Kl0mpenMaker"));

        using var staff = await SignedInStaffAsync();
        var log = (await staff.PageAsync("/beheer/logboek")).Body!.TextContent;
        Assert.Contains("onbekend account #", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_consent_lookup_and_its_evidence_are_audited_by_record_numbers_never_by_the_consent_id()
    {
        using var visitor = Visitor.Of(site);
        using (var chosen = await visitor.ChooseAsync("alles"))
        {
            Assert.Equal(HttpStatusCode.SeeOther, chosen.StatusCode);
        }

        var consentId = (await visitor.PageAsync("/cookies")).QuerySelector("dl.consent-current code")!.TextContent;
        using var staff = await SignedInStaffAsync();
        var page = await Support.Staff.LookUpConsentAsync(staff, consentId);
        using (var download = await Support.Staff.PostFormOnAsync(staff, page, "/beheer/toestemmingen/bewijs"))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        }

        await Support.Staff.LookUpConsentAsync(staff, "onbestaand-id-van-iemand");

        var entries = await EntriesAsync();
        Assert.DoesNotContain(entries, e => e.Target?.Contains(consentId, StringComparison.OrdinalIgnoreCase) == true);
        Assert.DoesNotContain(entries, e => e.Target?.Contains("onbestaand", StringComparison.Ordinal) == true);
        Assert.Contains(entries, e => e.Action == AuditAction.ViewConsent && e.Target!.StartsWith("keuze ", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Action == AuditAction.ConsentEvidence && e.Target!.StartsWith("keuze ", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Action == AuditAction.ViewConsent && e.Target == "geen keuzes gevonden");
    }

    private async Task<Visitor> SignedInStaffAsync()
    {
        var staff = Visitor.Of(site);
        using var signedIn = await Support.Staff.SignInAsync(staff, "sanne@interoffice.nl");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return staff;
    }

    private async Task<List<AuditEntry>> EntriesAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Set<AuditEntry>().AsNoTracking().ToListAsync();
    }
}
