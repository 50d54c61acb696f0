using Interoffice.Web.Infrastructure.Hosting;

namespace Interoffice.Web.Features.Consent;

/// <summary>
/// <c>consent verify-evidence FILE</c> checks an evidence file offline, without the database.
/// <c>consent verify [--anchor HASH]</c>: walks the consent log, its snapshots and its signed heads. Prints "intact"
/// with the number of records, the last signed head and every key's fingerprint and exits 0, or names the first break
/// and exits 1; with an anchor (a head's hash from the anchor mail) it also exits 1 when the log no longer reaches it.
/// </summary>
public static class ConsentCommands
{
    public const string Usage = "Gebruik: consent verify [--anchor HASH] [--keys GEPUBLICEERDE-SLEUTELS.pem] | consent verify-evidence BESTAND [GEPUBLICEERDE-SLEUTELS.pem]";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args is [_, "verify-evidence", var file, .. var keys] && keys.Length <= 1)
        {
            return await VerifyEvidenceAsync(file, keys.FirstOrDefault(), output, error);
        }

        if (args.Length < 2 || args[1] != "verify" || Options(args[2..]) is not { } options)
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        var anchor = options.GetValueOrDefault("--anchor")?.Trim().ToLowerInvariant();
        Dictionary<string, string>? trusted = null;
        if (options.GetValueOrDefault("--keys") is { } keysFile)
        {
            if (!File.Exists(keysFile))
            {
                await error.WriteLineAsync($"Het bestand {keysFile} bestaat niet.");
                return 2;
            }

            try
            {
                trusted = ConsentLogSigner.PublicKeysIn(await File.ReadAllTextAsync(keysFile)).DistinctBy(ConsentLogSigner.FingerprintOf).ToDictionary(ConsentLogSigner.FingerprintOf, k => k, StringComparer.Ordinal);
            }
            catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or ArgumentException)
            {
                trusted = [];
            }

            if (trusted.Count == 0)
            {
                // Never fall back to the database's own keys when the auditor meant to give theirs.
                await error.WriteLineAsync($"{keysFile} bevat geen leesbare publieke sleutel (-----BEGIN PUBLIC KEY-----).");
                return 2;
            }
        }

        if (anchor is not null && !IsHash(anchor))
        {
            await error.WriteLineAsync("Een anker is de hash van een ondertekende kop: 64 hexadecimale tekens, zoals in het ankerbericht.");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var verdict = await scope.ServiceProvider.GetRequiredService<ConsentLogVerifier>().VerifyAsync(CancellationToken.None, anchor, trusted);
        await (verdict.Intact ? output : error).WriteLineAsync(verdict.Describe());
        foreach (var warning in verdict.Warnings)
        {
            await error.WriteLineAsync("Let op: " + warning);
        }

        await output.WriteLineAsync($"Keuzes in het log: {verdict.Records} (sinds de eerste: {verdict.Size})");
        if (verdict.Intact)
        {
            await output.WriteLineAsync($"Laatste hash: {verdict.Head}");
        }

        await output.WriteLineAsync(verdict.LastHead is { } head
            ? $"Laatste ondertekende kop: {head.Size} keuzes, hash {head.Hash}, ondertekend {DutchTime.Format(head.SignedAt, "d MMMM yyyy HH:mm:ss")} Nederlandse tijd met sleutel {head.KeyFingerprint}"
            : "Laatste ondertekende kop: geen");
        foreach (var key in verdict.Keys)
        {
            await output.WriteLineAsync($"Sleutel {key.Fingerprint} (SHA-256 van de publieke sleutel), in gebruik sinds {DutchTime.Format(key.StartedAt, "d MMMM yyyy HH:mm:ss")} Nederlandse tijd");
        }

        await output.WriteLineAsync(verdict.LastAnchor is { } mailed
            ? $"Laatste ankerbericht: {DutchTime.Format(mailed.MailedAt, "d MMMM yyyy HH:mm:ss")} Nederlandse tijd aan {mailed.MailedTo}, kop over {mailed.Size} keuzes, hash {mailed.Hash}"
            : "Laatste ankerbericht: nog geen");
        if (!verdict.Signing)
        {
            await error.WriteLineAsync("Let op: het log wordt NIET ondertekend: stel Consent:SigningKeyPath of Consent:SigningKey in.");
        }

        if (anchor is null)
        {
            return verdict.Intact ? 0 : 1;
        }

        if (verdict.AnchorAt is { } at && verdict.Intact)
        {
            await output.WriteLineAsync($"Anker {anchor}: in het log bij keuze {at}, en het log bereikt het intact.");
            return 0;
        }

        await error.WriteLineAsync(verdict.AnchorAt is null
            ? $"Anker {anchor}: NIET in het log. Keuzes tot en met het anker zijn verwijderd of veranderd"
                + (verdict.RemovedByRetention > 0 ? $", of het anker is ouder dan het begin van het log (na {verdict.RemovedByRetention} keuzes die na de bewaartermijn zijn verwijderd)." : ".")
            : $"Anker {anchor}: staat bij keuze {verdict.AnchorAt}, maar het log is niet intact.");
        return 1;
    }

    private static async Task<int> VerifyEvidenceAsync(string file, string? keysFile, TextWriter output, TextWriter error)
    {
        if (new[] { file, keysFile }.FirstOrDefault(f => f is not null && !File.Exists(f)) is { } missing)
        {
            await error.WriteLineAsync($"Het bestand {missing} bestaat niet.");
            return 2;
        }

        if (ConsentEvidence.Parse(await File.ReadAllTextAsync(file)) is not { } evidence)
        {
            await error.WriteLineAsync($"{file} is geen bewijsbestand van het toestemmingslog ({ConsentEvidence.CurrentFormat}).");
            return 1;
        }

        var (valid, lines) = ConsentEvidenceCheck.Check(evidence, keysFile is null ? null : await File.ReadAllTextAsync(keysFile));
        foreach (var line in lines)
        {
            await (valid ? output : error).WriteLineAsync(line);
        }

        await (valid ? output : error).WriteLineAsync(valid
            ? $"Het bewijs voor keuzenummer {evidence.ConsentId} klopt." + (keysFile is null ? " Vergelijk de sleutel(s) met /.well-known/consent-log-keys.pem van de site (geef dat bestand mee)." : " De sleutel staat bij de gepubliceerde sleutels.")
            : $"Het bewijs voor keuzenummer {evidence.ConsentId} klopt NIET.");
        return valid ? 0 : 1;
    }

    /// <summary>--anchor HASH and --keys FILE, each at most once; null for anything else.</summary>
    private static Dictionary<string, string>? Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (args[i] is not ("--anchor" or "--keys") || i + 1 >= args.Length || !options.TryAdd(args[i], args[i + 1]))
            {
                return null;
            }
        }

        return options;
    }

    private static bool IsHash(string text) => text.Length == 64 && text.All(Uri.IsHexDigit);
}
