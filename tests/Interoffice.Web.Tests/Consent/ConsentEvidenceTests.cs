using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Interoffice.Web.Features.Consent;
using Interoffice.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Interoffice.Web.Tests.Consent;

/// <summary>
/// What a third party does with the evidence file for one consent id: check it offline, with the site's published
/// keys, by the site's own verb without a database and by the short script in docs/, and find any change made to it.
/// </summary>
public sealed class ConsentEvidenceTests
{
    private static readonly string Script = ConsentLogFile.RepositoryFile("docs/consent-log/check-evidence.py");

    [Fact]
    public async Task The_evidence_file_is_checked_offline_by_the_verb_and_by_the_script_in_docs_and_shows_other_visitors_only_as_hashes()
    {
        await using var site = new SiteFactory().WithAllServices();
        var (consentId, others) = await TwoChoicesTheSecondInABatchWithOthersAsync(site);
        var (evidence, keys) = await DownloadAsync(site, consentId);

        var records = JsonNode.Parse(await File.ReadAllTextAsync(evidence))!["records"]!.AsArray();
        Assert.Equal(2, records.Count);
        Assert.Empty(records[0]!["path"]!.AsArray());
        Assert.Equal(2, records[1]!["path"]!.AsArray().Count);
        Assert.Equal(records[1]!["position"]!.GetValue<long>() + 2, records[1]!["head"]!["size"]!.GetValue<long>());
        var text = await File.ReadAllTextAsync(evidence);
        Assert.All(others, other => Assert.DoesNotContain(other, text, StringComparison.OrdinalIgnoreCase));

        // The verb needs no database: pointed at a file that does not exist, it never opens (and so never creates) it.
        var nowhere = Path.Combine(site.DataFolder, "geen-database", "interoffice.db");
        var verb = await SiteProcess.RunAsync(["consent", "verify-evidence", evidence, keys], new Dictionary<string, string> { ["ConnectionStrings__Default"] = $"Data Source={nowhere}" });
        Assert.True(verb.ExitCode == 0, verb.Output);
        Assert.Contains($"Het bewijs voor keuzenummer {consentId} klopt. De sleutel staat bij de gepubliceerde sleutels.", verb.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(nowhere));

        var script = await ConsentLogFile.RunToolAsync("python3", Script, evidence, keys);
        Assert.True(script.ExitCode == 0, script.Output);
        Assert.Contains("evidence ok", script.Output, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Changes => new()
    {
        // what is changed in the downloaded file, and what the verb says of it
        { "records.1.analytics", "de getoonde velden zijn niet de velden in contentInput" },
        { "records.1.path.0", "het pad van haar hash komt niet uit op de hash en de grootte van de ondertekende kop" },
        { "records.1.head.signature", "de handtekening van de kop klopt niet" },
        { "snapshots.0.content", "de momentopname met hash policyVersion ontbreekt of haar inhoud past niet bij die hash" },
        { "re-signed with another key", "de sleutel van de kop staat niet in het bestand (of niet bij de gepubliceerde sleutels)" },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task A_changed_evidence_file_fails_the_verb_and_the_script(string change, string named)
    {
        await using var site = new SiteFactory().WithAllServices();
        var (consentId, _) = await TwoChoicesTheSecondInABatchWithOthersAsync(site);
        var (evidence, keys) = await DownloadAsync(site, consentId);
        var file = JsonNode.Parse(await File.ReadAllTextAsync(evidence))!;
        Change(file, change);
        await File.WriteAllTextAsync(evidence, file.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

        var verb = await SiteProcess.RunAsync(["consent", "verify-evidence", evidence, keys], new Dictionary<string, string>());
        Assert.Equal(1, verb.ExitCode);
        Assert.Contains(named, verb.Output, StringComparison.Ordinal);
        Assert.Contains("klopt NIET", verb.Output, StringComparison.Ordinal);

        var script = await ConsentLogFile.RunToolAsync("python3", Script, evidence, keys);
        Assert.Equal(1, script.ExitCode);
        Assert.Contains("evidence NOT ok", script.Output, StringComparison.Ordinal);
    }

    private static void Change(JsonNode file, string change)
    {
        if (change == "re-signed with another key")
        {
            // Someone with their own key signs the head again and puts their key in the file: only the published keys tell.
            using var other = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
            var fingerprint = ConsentLogSigner.FingerprintOf(other);
            var head = file["records"]![1]!["head"]!;
            var statement = ConsentLogHead.StatementOf(head["from"]!.GetValue<long>(), head["size"]!.GetValue<long>(), head["hash"]!.GetValue<string>(),
                DateTime.Parse(head["signedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal), fingerprint);
            head["keyFingerprint"] = fingerprint;
            head["statement"] = statement;
            head["signature"] = Convert.ToBase64String(other.SignData(System.Text.Encoding.UTF8.GetBytes(statement), System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.DSASignatureFormat.Rfc3279DerSequence));
            file["keys"]!.AsArray().Add(new JsonObject { ["fingerprint"] = fingerprint, ["startedAt"] = "2026-12-06T12:00:00+01:00", ["publicKeyPem"] = other.ExportSubjectPublicKeyInfoPem() });
            return;
        }

        var parts = change.Split('.');
        var parent = parts[..^1].Aggregate(file, (node, part) => int.TryParse(part, out var i) ? node[i]! : node[part]!);
        var last = parts[^1];
        JsonNode? value = int.TryParse(last, out var index) ? parent[index] : parent[last];
        JsonNode replacement = value!.GetValueKind() switch
        {
            JsonValueKind.True => false,
            JsonValueKind.False => true,
            _ when last == "signature" => Convert.ToBase64String(Convert.FromBase64String(value.GetValue<string>()).Select((b, i) => i == 10 ? (byte)(b ^ 1) : b).ToArray()),
            _ when last == "content" => value.GetValue<string>().Replace("Alles weigeren", "Weigeren", StringComparison.Ordinal),
            _ => new string('a', 64),
        };
        if (int.TryParse(last, out index))
        {
            parent[index] = replacement;
        }
        else
        {
            parent[last] = replacement;
        }
    }

    /// <summary>
    /// A visitor accepts everything, then chooses again at a busy moment: that choice and two other visitors' are
    /// committed together under one signed head. Returns the visitor's consent id and the others'.
    /// </summary>
    private static async Task<(string ConsentId, string[] Others)> TwoChoicesTheSecondInABatchWithOthersAsync(SiteFactory site)
    {
        using var visitor = Visitor.Of(site);
        using var first = await visitor.ChooseAsync("alles");
        var consentId = (await visitor.PageAsync("/cookies")).QuerySelector("dl.consent-current code")!.TextContent;
        string[] others = [Guid.NewGuid().ToString(), Guid.NewGuid().ToString()];
        await using var scope = site.Services.CreateAsyncScope();
        var policy = scope.ServiceProvider.GetRequiredService<ConsentPolicyProvider>().Current;
        ConsentRecord Record(string id, bool analytics) => new()
        {
            ConsentId = id, RecordedAt = ConsentChain.Seconds(TestTime.Start.UtcDateTime), PolicyVersion = policy.Version, Method = ConsentMethod.Settings,
            Analytics = analytics, Tracking = false, Social = true, Advertising = false, BrowserFamily = "Firefox",
        };
        await scope.ServiceProvider.GetRequiredService<ConsentLogBatch>().WriteAsync([Record(consentId, false), Record(others[0], true), Record(others[1], true)], [policy], CancellationToken.None);
        return (consentId, others);
    }

    /// <summary>Staff download the evidence file; the published keys are fetched as anyone fetches them. Both are saved as files.</summary>
    private static async Task<(string Evidence, string Keys)> DownloadAsync(SiteFactory site, string consentId)
    {
        await Support.Staff.CreateAsync(site, "sanne@interoffice.nl");
        using var staff = Visitor.Of(site);
        using var signedIn = await Support.Staff.SignInAsync(staff, "sanne@interoffice.nl");
        var page = await Support.Staff.LookUpConsentAsync(staff, consentId);
        using var download = await Support.Staff.PostFormOnAsync(staff, page, "/beheer/toestemmingen/bewijs");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        var evidence = Path.Combine(site.DataFolder, "bewijs.json");
        await File.WriteAllBytesAsync(evidence, await download.Content.ReadAsByteArrayAsync());

        using var anyone = Visitor.Of(site);
        using var published = await anyone.SendAsync(HttpMethod.Get, "/.well-known/consent-log-keys.pem");
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var keys = Path.Combine(site.DataFolder, "consent-log-keys.pem");
        await File.WriteAllTextAsync(keys, await published.Content.ReadAsStringAsync());
        return (evidence, keys);
    }
}
