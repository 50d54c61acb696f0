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

    /// <summary>Every version, and which were announced by e-mail (read from the database, so not from the page cache).</summary>
    [HttpGet("/privacyverklaring/versies")]
    public async Task<IActionResult> Versions([FromServices] IEnumerable<IStatementAnnouncements> announcements, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(announcements);
        var announced = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        foreach (var source in announcements)
        {
            foreach (var (version, at) in await source.AnnouncedAsync(cancellationToken))
            {
                announced[version] = at;
            }
        }

        return View(new VersionsPage(statement.Versions, announced));
    }

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
