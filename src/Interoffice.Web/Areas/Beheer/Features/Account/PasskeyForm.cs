using System.ComponentModel.DataAnnotations;

namespace Interoffice.Web.Areas.Beheer.Features.Account;

/// <summary>A passkey the browser made (with its name) or used, as posted by wwwroot/js/passkey.js.</summary>
public sealed class PasskeyForm
{
    [StringLength(50)]
    public string? Name { get; set; }

    /// <summary>What <c>navigator.credentials.create()</c> or <c>.get()</c> returned, as JSON (wwwroot/js/passkey.js).</summary>
    public string? Credential { get; set; }
}
