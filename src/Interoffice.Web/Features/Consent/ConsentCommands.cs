using Interoffice.Web.Infrastructure.Hosting;

namespace Interoffice.Web.Features.Consent;

/// <summary>
/// <c>consent verify [--anchor HASH]</c>: walks the consent log, its snapshots and its signed heads. Prints "intact"
/// with the number of records, the last signed head and every key's fingerprint and exits 0, or names the first break
/// and exits 1; with an anchor (a head's hash from the anchor mail) it also exits 1 when the log no longer reaches it.
/// </summary>
public static class ConsentCommands
{
    public const string Usage = "Gebruik: consent verify [--anchor HASH]";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        string? anchor = null;
        if (args.Length < 2 || args[1] != "verify" || (args.Length > 2 && !(args.Length == 4 && args[2] == "--anchor" && IsHash(anchor = args[3].Trim().ToLowerInvariant()))))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var verdict = await scope.ServiceProvider.GetRequiredService<ConsentLogVerifier>().VerifyAsync(CancellationToken.None, anchor);
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
            ? $"Anker {anchor}: NIET in het log. Keuzes tot en met het anker zijn verwijderd of veranderd."
            : $"Anker {anchor}: staat bij keuze {verdict.AnchorAt}, maar het log is niet intact.");
        return 1;
    }

    private static bool IsHash(string text) => text.Length == 64 && text.All(Uri.IsHexDigit);
}
