using System.Net;
using System.Security.Cryptography;
using System.Text;
using Interoffice.Web.Features.Consent;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Events;

namespace Interoffice.Web.Tests.Consent;

/// <summary>
/// The consent log against the person it must resist: whoever controls the database but not the signing key. Each
/// change is made to the file as that person would make it, and <c>consent verify</c> must name it and exit 1.
/// </summary>
public sealed class SignedConsentLogTests
{
    [Fact]
    public async Task Every_commit_signs_the_head_and_verify_reports_it_with_the_key()
    {
        await using var site = new SiteFactory().WithAllServices();
        await ConsentLogFile.ChooseAsync(site, 3);

        var heads = await ConsentLogFile.HeadsAsync(site);
        Assert.Equal([1L, 2L, 3L], heads.Select(h => h.Size));
        Assert.Equal([1L, 2L, 3L], heads.Select(h => h.From));
        var (code, output) = await ConsentLogFile.VerifyAsync(site);
        Assert.True(code == 0, output);
        Assert.Contains("Het toestemmingslog is intact: 3 keuzes en 1 momentopnamen kloppen. Ondertekend tot en met keuze 3 van het log", output, StringComparison.Ordinal);
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(PublicKeyOf(SigningKeys.Default)));
        Assert.Contains($"Laatste ondertekende kop: 3 keuzes, hash {heads[^1].Hash}", output, StringComparison.Ordinal);
        Assert.Contains($"Sleutel {fingerprint} (SHA-256 van de publieke sleutel), in gebruik sinds ", output, StringComparison.Ordinal);

        // The signature is the one openssl checks: DER, over the statement's UTF-8 bytes, with the published key.
        using var key = ECDsa.Create();
        key.ImportFromPem(await (await Visitor.Of(site).SendAsync(HttpMethod.Get, "/.well-known/consent-log-keys.pem")).Content.ReadAsStringAsync());
        Assert.True(key.VerifyData(Encoding.UTF8.GetBytes(heads[^1].Statement), Convert.FromBase64String(heads[^1].Signature), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }

    [Fact]
    public async Task A_chain_recomputed_without_the_key_is_named_at_the_first_signed_head_it_no_longer_matches()
    {
        await using var site = new SiteFactory().WithAllServices();
        await ConsentLogFile.ChooseAsync(site, 5);

        // The algorithm is published: change the third choice and seal it and every later one again.
        await RecomputeFromAsync(site, 3, r => r.Analytics = !r.Analytics);

        var (code, output) = await ConsentLogFile.VerifyAsync(site);
        Assert.Equal(1, code);
        Assert.Contains("De keten breekt bij de ondertekende kop over 3 keuzes: de keuzes tot daar zijn veranderd of herberekend", output, StringComparison.Ordinal);

        // The heads over the changed records removed too: an auditor with only the published keys still finds it.
        await ConsentLogFile.TamperAsync(site, "DELETE FROM ConsentLogHeads WHERE Size >= 3");
        var keys = Path.Combine(site.DataFolder, "keys.pem");
        await File.WriteAllTextAsync(keys, await (await Visitor.Of(site).SendAsync(HttpMethod.Get, "/.well-known/consent-log-keys.pem")).Content.ReadAsStringAsync());
        var auditor = await SiteProcess.RunAsync(["consent", "verify", "--keys", keys],
            new Dictionary<string, string> { ["ConnectionStrings__Default"] = $"Data Source={site.DatabasePath}", ["Consent__SigningKey"] = "" });
        Assert.Equal(1, auditor.ExitCode);
        Assert.Contains("De keten breekt bij de ondertekende kop over 2 keuzes: de 3 keuzes erna zijn door geen handtekening gedekt", auditor.Output, StringComparison.Ordinal);

        // A keys file without a key is refused, not quietly replaced by the database's own keys.
        await File.WriteAllTextAsync(keys, "<html>Niet gevonden</html>");
        var empty = await SiteProcess.RunAsync(["consent", "verify", "--keys", keys], new Dictionary<string, string> { ["ConnectionStrings__Default"] = $"Data Source={site.DatabasePath}" });
        Assert.Equal(2, empty.ExitCode);
        Assert.Contains("bevat geen leesbare publieke sleutel", empty.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Heads_signed_again_with_a_forged_signature_or_a_key_of_ones_own_are_a_break_and_that_key_is_never_published()
    {
        await using var site = new SiteFactory().WithAllServices();
        await ConsentLogFile.ChooseAsync(site, 5);
        await RecomputeFromAsync(site, 3, r => r.Analytics = !r.Analytics);
        var records = await HashesAsync(site);

        // The heads made to match the new chain, their old signatures kept.
        foreach (var size in new long[] { 3, 4, 5 })
        {
            await ConsentLogFile.TamperAsync(site, $"UPDATE ConsentLogHeads SET Hash = '{records[(int)size - 1]}' WHERE Size = {size}");
        }

        var forged = await ConsentLogFile.VerifyAsync(site);
        Assert.Equal(1, forged.ExitCode);
        Assert.Contains("De keten breekt bij de ondertekende kop over 3 keuzes: haar handtekening klopt niet", forged.Output, StringComparison.Ordinal);

        // Signed again with a key of one's own, added to the key table.
        using var own = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var fingerprint = ConsentLogSigner.FingerprintOf(own);
        await ConsentLogFile.TamperAsync(site, $"INSERT INTO ConsentLogKeys (Fingerprint, PublicKeyPem, StartedAt) VALUES ('{fingerprint}', '{own.ExportSubjectPublicKeyInfoPem()}', '2026-01-01 00:00:00')");
        foreach (var head in await ConsentLogFile.HeadsAsync(site))
        {
            var statement = ConsentLogHead.StatementOf(head.From, head.Size, head.Hash, head.SignedAt, fingerprint);
            var signature = Convert.ToBase64String(own.SignData(Encoding.UTF8.GetBytes(statement), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
            await ConsentLogFile.TamperAsync(site, $"UPDATE ConsentLogHeads SET KeyFingerprint = '{fingerprint}', Signature = '{signature}' WHERE Id = {head.Id}");
        }

        var ownKey = await ConsentLogFile.VerifyAsync(site);
        Assert.Equal(1, ownKey.ExitCode);
        Assert.Contains("De keten breekt bij de ondertekende kop over 1 keuzes: zij is ondertekend met een sleutel", ownKey.Output, StringComparison.Ordinal);
        Assert.Contains("die niet als sleutel van dit log is ingesteld", ownKey.Output, StringComparison.Ordinal);
        var published = await (await Visitor.Of(site).SendAsync(HttpMethod.Get, "/.well-known/consent-log-keys.pem")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(fingerprint, published, StringComparison.Ordinal);
        Assert.Single(ConsentLogSigner.PublicKeysIn(published));
    }

    [Fact]
    public async Task A_record_appended_past_the_site_is_a_break_and_stays_one_after_the_site_signs_again()
    {
        await using var site = new SiteFactory().WithAllServices();
        await ConsentLogFile.ChooseAsync(site, 2);

        // Sealed exactly as the site seals, after the last record, but not signed: the key is not in the database.
        var last = (await HashesAsync(site))[^1];
        var record = new ConsentRecord { ConsentId = Guid.NewGuid().ToString(), RecordedAt = ConsentChain.Seconds(TestTime.Start.UtcDateTime), PolicyVersion = await PolicyVersionAsync(site), Method = ConsentMethod.AcceptAll, Analytics = true, BrowserFamily = "Chrome" };
        ConsentChain.Seal(record, last);
        await ConsentLogFile.TamperAsync(site, $"INSERT INTO ConsentRecords (ConsentId, RecordedAt, PolicyVersion, Method, Analytics, GlobalPrivacyControl, BrowserFamily, PreviousHash, Hash, Format) "
            + $"VALUES ('{record.ConsentId}', '{record.RecordedAt:yyyy-MM-dd HH:mm:ss}', '{record.PolicyVersion}', 'AcceptAll', 1, 0, 'Chrome', '{record.PreviousHash}', '{record.Hash}', 2)");

        var tail = await ConsentLogFile.VerifyAsync(site);
        Assert.Equal(1, tail.ExitCode);
        Assert.Contains("De keten breekt bij de ondertekende kop over 2 keuzes: de 1 keuzes erna zijn door geen handtekening gedekt", tail.Output, StringComparison.Ordinal);

        // The next visitor's choice is signed; the head says where its commit began, so the gap stays visible.
        await ConsentLogFile.ChooseAsync(site, 1);
        var gap = await ConsentLogFile.VerifyAsync(site);
        Assert.Equal(1, gap.ExitCode);
        Assert.Contains("De keten breekt bij de ondertekende kop over 4 keuzes: de keuzes 3 t/m 3 van het log zijn niet ondertekend toen zij werden geschreven", gap.Output, StringComparison.Ordinal);
        Assert.Contains(site.LogEvents, e => e.Level == LogEventLevel.Error && e.MessageTemplate.Text.Contains("were not signed when written", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_log_written_by_version_1_0_stays_verifiable_as_it_is_and_is_signed_from_the_first_new_choice()
    {
        await using var site = new SiteFactory().WithAllServices();
        var version = await PolicyVersionAsync(site);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            // Sealed as 1.0 sealed (format 1), without heads: 1.0 signed nothing.
            var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
            var previous = ConsentChain.Genesis;
            foreach (var id in new[] { "a", "b" })
            {
                var record = new ConsentRecord { Format = 1, ConsentId = id, RecordedAt = new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc), PolicyVersion = version, BrowserFamily = "Chrome" };
                ConsentChain.Seal(record, previous);
                previous = record.Hash!;
                db.Add(record);
            }

            await db.SaveChangesAsync();
        }

        var old = await ConsentLogFile.VerifyAsync(site);
        Assert.True(old.ExitCode == 0, old.Output);
        Assert.Contains("intact: 2 keuzes en 1 momentopnamen kloppen. De eerste 2 keuzes zijn geschreven voordat het log werd ondertekend", old.Output, StringComparison.Ordinal);

        await ConsentLogFile.ChooseAsync(site, 1);
        var head = Assert.Single(await ConsentLogFile.HeadsAsync(site));
        Assert.Equal((3L, 3L), (head.From, head.Size));
        var signed = await ConsentLogFile.VerifyAsync(site);
        Assert.True(signed.ExitCode == 0, signed.Output);
        Assert.Contains("intact: 3 keuzes en 1 momentopnamen kloppen. Ondertekend tot en met keuze 3 van het log", signed.Output, StringComparison.Ordinal);
    }

    internal static byte[] PublicKeyOf(string privatePem)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(privatePem);
        return key.ExportSubjectPublicKeyInfo();
    }

    internal static async Task<List<string>> HashesAsync(SiteFactory site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Set<ConsentRecord>().AsNoTracking().OrderBy(r => r.Id).Select(r => r.Hash!).ToListAsync();
    }

    private static async Task<string> PolicyVersionAsync(SiteFactory site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<ConsentPolicyProvider>().Version;
    }

    /// <summary>Changes the record with <paramref name="id"/> and seals it and every later record again, writing the file directly.</summary>
    internal static async Task RecomputeFromAsync(SiteFactory site, long id, Action<ConsentRecord> change)
    {
        List<ConsentRecord> records;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            records = await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Set<ConsentRecord>().AsNoTracking().OrderBy(r => r.Id).ToListAsync();
        }

        var at = records.FindIndex(r => r.Id == id);
        change(records[at]);
        var previous = at == 0 ? ConsentChain.Genesis : records[at - 1].Hash!;
        await using var file = new SqliteConnection($"Data Source={site.DatabasePath}");
        await file.OpenAsync();
        foreach (var record in records.Skip(at))
        {
            ConsentChain.Seal(record, previous);
            previous = record.Hash!;
            await using var update = file.CreateCommand();
            update.CommandText = "UPDATE ConsentRecords SET Analytics = $analytics, PreviousHash = $previous, Hash = $hash WHERE Id = $id";
            update.Parameters.AddWithValue("$analytics", (object?)record.Analytics ?? DBNull.Value);
            update.Parameters.AddWithValue("$previous", record.PreviousHash);
            update.Parameters.AddWithValue("$hash", record.Hash);
            update.Parameters.AddWithValue("$id", record.Id);
            await update.ExecuteNonQueryAsync();
        }
    }
}
