namespace Interoffice.Web.Features.Consent;

/// <summary>
/// <c>consent verify</c>: walks the consent log and its snapshots. Prints "intact" with the number of records and
/// exits 0, or names the first record (or snapshot) where the chain breaks and exits 1.
/// </summary>
public static class ConsentCommands
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Length < 2 || args[1] != "verify")
        {
            await error.WriteLineAsync("Gebruik: consent verify");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var verdict = await scope.ServiceProvider.GetRequiredService<ConsentLogVerifier>().VerifyAsync(CancellationToken.None);
        await (verdict.Intact ? output : error).WriteLineAsync(verdict.Describe());
        foreach (var warning in verdict.Warnings)
        {
            await error.WriteLineAsync("Let op: " + warning);
        }

        if (verdict.Intact)
        {
            await output.WriteLineAsync($"Laatste hash: {verdict.Head}");
        }

        return verdict.Intact ? 0 : 1;
    }
}
