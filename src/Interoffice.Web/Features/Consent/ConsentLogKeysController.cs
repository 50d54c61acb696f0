using System.Text;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Features.Consent;

/// <summary>
/// Publishes every public key the consent log has been signed with, oldest first, and the one it signs with now:
/// what an auditor compares the keys in an evidence file or an anchor mail against.
/// </summary>
public sealed class ConsentLogKeysController(SiteDbContext db, ConsentLogSigner signer) : Controller
{
    [HttpGet("/.well-known/consent-log-keys.pem")]
    [ResponseCache(Duration = 300, Location = ResponseCacheLocation.Any)]
    public async Task<IActionResult> Keys(CancellationToken cancellationToken)
    {
        var keys = (await db.Set<ConsentLogKey>().AsNoTracking().OrderBy(k => k.Id).ToListAsync(cancellationToken))
            .DistinctBy(k => k.Fingerprint)
            .Select(k => (k.Fingerprint, k.PublicKeyPem, Since: (DateTime?)k.StartedAt))
            .ToList();
        if (signer.IsSigning && keys.All(k => k.Fingerprint != signer.Fingerprint))
        {
            keys.Add((signer.Fingerprint!, signer.PublicKeyPem!, null));
        }

        // Text outside the PEM blocks is ignored by PEM readers (RFC 7468) and tells a person which key is which.
        var text = new StringBuilder();
        foreach (var (fingerprint, pem, since) in keys)
        {
            text.Append("Sleutel van het toestemmingslog van Interoffice, SHA-256 ").Append(fingerprint)
                .Append(since is { } at ? $", in gebruik sinds {DutchTime.Iso(at)}" : ", nog niet gebruikt").Append('\n')
                .Append(pem.TrimEnd()).Append('\n');
        }

        return Content(text.ToString(), "application/x-pem-file; charset=us-ascii", Encoding.ASCII);
    }
}
