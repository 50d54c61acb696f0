using Interoffice.Web.Tests.Support;

namespace Interoffice.Web.Tests.Consent;

/// <summary>
/// The consent log's two ends and the whole of it: records cut off at the newest end or removed at the oldest, and a
/// log rewritten entirely; what <c>consent verify</c> finds, and what only the anchor mailed outside the database shows.
/// </summary>
public sealed class ConsentLogEndsTests
{
    [Fact]
    public async Task Cutting_off_the_newest_records_is_found_by_their_heads_and_with_the_heads_gone_too_by_the_mailed_anchor()
    {
        await using var site = new SiteFactory().WithAllServices();
        await ConsentLogFile.ChooseAsync(site, 5);

        // The log's first head was mailed at once; the site started again (a release) mails the head, changed since.
        Assert.Contains("Subject: Anker toestemmingslog: 1 keuzes", await AnchorMailAsync(site, "1 keuzes"), StringComparison.Ordinal);
        await using var restarted = new SiteFactory { DatabasePath = site.DatabasePath, Clock = site.Clock }.WithAllServices();
        using var _ = restarted.CreateClient();
        var text = await AnchorMailAsync(restarted, "5 keuzes");
        var anchor = System.Text.RegularExpressions.Regex.Match(text, "Hash van de kop: ([0-9a-f]{64})").Groups[1].Value;
        Assert.Equal((await ConsentLogFile.HeadsAsync(site))[^1].Hash, anchor);
        var anchored = await ConsentLogFile.VerifyAsync(restarted, "--anchor", anchor);
        Assert.True(anchored.ExitCode == 0, anchored.Output);
        Assert.Contains("Laatste ankerbericht: ", anchored.Output, StringComparison.Ordinal);
        Assert.Contains("aan info@interoffice.nl, kop over 5 keuzes", anchored.Output, StringComparison.Ordinal);

        await ConsentLogFile.TamperAsync(site, "DELETE FROM ConsentRecords WHERE Id > 3");
        var cut = await ConsentLogFile.VerifyAsync(restarted);
        Assert.Equal(1, cut.ExitCode);
        Assert.Contains("De keten breekt bij de ondertekende kop over 5 keuzes: het log houdt op na 3 keuzes: de nieuwste keuzes zijn verwijderd", cut.Output, StringComparison.Ordinal);

        // With their heads (and the anchor row) gone as well, the log alone looks whole: only the mailed anchor tells.
        await ConsentLogFile.TamperAsync(site, "DELETE FROM ConsentLogHeads WHERE Size > 3; DELETE FROM ConsentLogAnchors;");
        Assert.Equal(0, (await ConsentLogFile.VerifyAsync(restarted)).ExitCode);
        var against = await ConsentLogFile.VerifyAsync(restarted, "--anchor", anchor);
        Assert.Equal(1, against.ExitCode);
        Assert.Contains($"Anker {anchor}: NIET in het log.", against.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_oldest_records_removed_by_hand_with_a_start_row_written_as_retention_writes_it_are_a_break()
    {
        await using var site = new SiteFactory().WithAllServices();
        await ConsentLogFile.ChooseAsync(site, 5);
        var second = (await SignedConsentLogTests.HashesAsync(site))[1];

        // As retention would leave it: the first two records and their heads gone, the start noted, but not signed.
        await ConsentLogFile.TamperAsync(site, "DELETE FROM ConsentRecords WHERE Id <= 2; DELETE FROM ConsentLogHeads WHERE Size < 2; "
            + $"INSERT INTO ConsentLogStart (Id, RemovedThroughId, RemovedThroughHash, RemovedCount, RemovedThroughAt) VALUES (1, 2, '{second}', 2, '2024-01-01 00:00:00')");

        var (code, output) = await ConsentLogFile.VerifyAsync(site);
        Assert.Equal(1, code);
        Assert.Contains("De keten breekt bij het begin van het log: het is niet door de site ondertekend", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_whole_log_rewritten_as_if_never_signed_is_found_against_the_anchor_mailed_with_its_first_head()
    {
        await using var site = new SiteFactory().WithAllServices();
        await ConsentLogFile.ChooseAsync(site, 3);
        var first = System.Text.RegularExpressions.Regex.Match(await AnchorMailAsync(site, "1 keuzes"), "Hash van de kop: ([0-9a-f]{64})").Groups[1].Value;

        // Every head, key and anchor row gone, and every record sealed again in 1.0's format, with one choice changed.
        await ConsentLogFile.TamperAsync(site, "DELETE FROM ConsentLogHeads; DELETE FROM ConsentLogKeys; DELETE FROM ConsentLogAnchors; UPDATE ConsentRecords SET Format = 1;");
        await SignedConsentLogTests.RecomputeFromAsync(site, 1, r => r.Analytics = !r.Analytics);

        Assert.Equal(0, (await ConsentLogFile.VerifyAsync(site)).ExitCode);
        var against = await ConsentLogFile.VerifyAsync(site, "--anchor", first);
        Assert.Equal(1, against.ExitCode);
        Assert.Contains($"Anker {first}: NIET in het log.", against.Output, StringComparison.Ordinal);
    }

    /// <summary>The anchor mail whose subject names <paramref name="size"/>, from the pickup folder, once it is there.</summary>
    private static async Task<string> AnchorMailAsync(SiteFactory site, string size)
    {
        string? found = null;
        await Eventually.TrueAsync(
            () =>
            {
                found = Directory.Exists(site.PickupFolder)
                    ? Directory.GetFiles(site.PickupFolder, "*.eml").Select(File.ReadAllText).FirstOrDefault(t => t.Contains($"Subject: Anker toestemmingslog: {size},", StringComparison.Ordinal))
                    : null;
                return found is not null;
            },
            $"the anchor mail for {size} is written to the pickup folder");
        return found!;
    }
}
