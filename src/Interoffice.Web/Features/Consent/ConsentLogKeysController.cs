using System.Text;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Features.Consent;

/// <summary>
/// Publishes the public keys the consent log may be signed with, as configured (the current key and
/// Consent:PreviousSigningKeys), oldest first by when each began to sign: what an auditor compares the keys in an
/// evidence file or an anchor mail against. A key only the database knows is never published.
/// </summary>
public sealed class ConsentLogKeysController(SiteDbContext db, ConsentLogSigner signer) : Controller
{
    [HttpGet("/.well-known/consent-log-keys.pem")]
    [ResponseCache(Duration = 300, Location = ResponseCacheLocation.Any)]
    public async Task<IActionResult> Keys(CancellationToken cancellationToken)
    {
        var started = (await db.Set<ConsentLogKey>().AsNoTracking().OrderBy(k => k.Id).ToListAsync(cancellationToken))
            .GroupBy(k => k.Fingerprint).ToDictionary(g => g.Key, g => g.First().StartedAt, StringComparer.Ordinal);
        var keys = signer.TrustedKeys
            .OrderBy(k => started.TryGetValue(k.Key, out var at) ? at : DateTime.MaxValue)
            .ThenBy(k => k.Key == signer.Fingerprint ? 1 : 0);

        // Text outside the PEM blocks is ignored by PEM readers (RFC 7468) and tells a person which key is which.
        var text = new StringBuilder();
        foreach (var (fingerprint, pem) in keys)
        {
            text.Append("Sleutel van het toestemmingslog van Interoffice, SHA-256 ").Append(fingerprint)
                .Append(started.TryGetValue(fingerprint, out var since) ? $", in gebruik sinds {DutchTime.Iso(since)}" : ", nog niet gebruikt")
                .Append(fingerprint == signer.Fingerprint ? " (de huidige)" : "").Append('\n')
                .Append(pem.TrimEnd()).Append('\n');
        }

        if (!signer.IsSigning)
        {
            text.Append("Het toestemmingslog wordt op dit moment niet ondertekend.\n");
        }

        return Content(text.ToString(), "application/x-pem-file; charset=us-ascii", Encoding.ASCII);
    }
}
