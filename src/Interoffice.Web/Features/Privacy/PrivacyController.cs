using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Interoffice.Web.Features.Privacy;

/// <summary>The statement in force, the list of every published version, and each version on a page of its own.</summary>
public sealed class PrivacyController(PrivacyStatementProvider statement) : Controller
{
    [HttpGet("/privacyverklaring")]
    [OutputCache(PolicyName = Interoffice.Web.Features.Consent.ConsentPageCache.Name)]
    public IActionResult Statement()
    {
        var versions = statement.Versions;
        return View(new StatementPageModel(versions[0], versions[0], versions.Count));
    }

    [HttpGet("/privacyverklaring/versies")]
    public IActionResult Versions() => View(statement.Versions);

    [HttpGet("/privacyverklaring/versies/{version:regex(^[[0-9A-Za-z.-]]{{1,16}}$)}")]
    public IActionResult Version(string version)
    {
        var versions = statement.Versions;
        var shown = versions.FirstOrDefault(v => string.Equals(v.Version, version, StringComparison.Ordinal));
        return shown is null ? NotFound() : View("Statement", new StatementPageModel(shown, versions[0], versions.Count));
    }

    /// <summary>The version's file, byte for byte: its SHA-256 is the fingerprint on the list and in proof of consent.</summary>
    [HttpGet("/privacyverklaring/versies/{version:regex(^[[0-9A-Za-z.-]]{{1,16}}$)}/tekst")]
    public IActionResult Source(string version) =>
        statement.Versions.FirstOrDefault(v => string.Equals(v.Version, version, StringComparison.Ordinal)) is { } shown
            ? File(shown.Source, "text/markdown; charset=utf-8", $"privacyverklaring-versie-{shown.Version}.md")
            : NotFound();
}
