using System.Text;
using System.Text.Encodings.Web;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Email;
using Interoffice.Web.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Interoffice.Web.Features.Consent;

/// <summary>
/// Mails the current signed head to Consent:AnchorTo (default Contact:NotifyTo): as soon as a log has its first head,
/// at start when it changed since the last anchor, and once a day. The staff mailbox keeps it outside the database, so
/// that cutting off or rewriting the log up to an anchor is found by <c>consent verify --anchor HASH</c>, even with every
/// head and key removed from the database. Instances share the schedule through the anchors table.
/// </summary>
public sealed partial class ConsentLogAnchoring(IServiceScopeFactory scopes, DatabaseGate database, ConsentLogSigner signer, TimeProvider time, IOptions<ConsentOptions> options, IConfiguration configuration, ILogger<ConsentLogAnchoring> logger)
    : BackgroundService
{
    private static readonly TimeSpan Daily = TimeSpan.FromHours(24);

    private readonly SemaphoreSlim wake = new(0, 1);

    // Once an anchor exists the daily schedule is enough; until then every signed head may be the first.
    private volatile bool anchored;

    /// <summary>Called by the writer after each signed commit: the log's first head is anchored at once.</summary>
    public void HeadSigned()
    {
        if (signer.IsSigning && !anchored && wake.CurrentCount == 0)
        {
            try
            {
                wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already woken.
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await database.WaitUntilPreparedAsync(stoppingToken))
        {
            return;
        }

        for (var atStart = true; !stoppingToken.IsCancellationRequested; atStart = false)
        {
            try
            {
                await AnchorIfDueAsync(atStart, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }

            await wake.WaitAsync(TimeSpan.FromHours(1), stoppingToken);
        }
    }

    /// <summary>Queues the anchor mail when one is due; returns the head it anchored, or null.</summary>
    public async Task<ConsentLogHead?> AnchorIfDueAsync(bool atStart, CancellationToken cancellationToken)
    {
        var to = string.IsNullOrWhiteSpace(options.Value.AnchorTo) ? configuration["Contact:NotifyTo"] : options.Value.AnchorTo;
        if (string.IsNullOrWhiteSpace(to))
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        async Task<(ConsentLogHead? Head, bool Due)> DueAsync(CancellationToken token)
        {
            var head = await ConsentQueries.LastHead(db).FirstOrDefaultAsync(token);
            var last = await db.Set<ConsentLogAnchor>().AsNoTracking().OrderByDescending(a => a.Id).FirstOrDefaultAsync(token);
            var now = time.GetUtcNow().UtcDateTime;
            var due = head is not null && (last is null || (atStart ? last.Hash != head.Hash : now - last.MailedAt >= Daily - TimeSpan.FromMinutes(5)));
            anchored |= last is not null;
            return (head, due);
        }

        // Read first without the writers' lock: most wake-ups find nothing due.
        if (!(await DueAsync(cancellationToken)).Due)
        {
            return null;
        }

        return await db.RunSerializedAsync(ConsentLogBatch.WriterLock, async token =>
        {
            var (head, due) = await DueAsync(token);
            if (!due)
            {
                return null;
            }

            outbox.Queue(Mail(head!, to));
            db.Add(new ConsentLogAnchor { Size = head!.Size, Hash = head.Hash, MailedTo = to, MailedAt = time.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(token);
            anchored = true;
            LogAnchored(logger, head.Size, head.Hash);
            return head;
        }, cancellationToken);
    }

    private static OutboxMessage Mail(ConsentLogHead head, string to)
    {
        var signedAt = DutchTime.Format(head.SignedAt, "d MMMM yyyy HH:mm:ss");
        (string Label, string Value)[] fields =
        [
            ("Hash van de kop", head.Hash),
            ("Aantal keuzes", head.Size.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Ondertekend", signedAt + " Nederlandse tijd"),
            ("Sleutel (SHA-256)", head.KeyFingerprint),
            ("Ondertekende tekst", head.Statement),
            ("Handtekening (DER, Base64)", head.Signature),
        ];
        const string Intro = "Dit is het dagelijkse anker van het toestemmingslog van de website: de ondertekende kop van het log zoals die nu is. Bewaar deze mail; hij staat buiten de database.";
        var check = $"Controle, ook later: consent verify --anchor {head.Hash} (stopt met een fout als het log dit punt niet meer intact bereikt).";
        var text = new StringBuilder(Intro).Append("\n\n");
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"nl\"><body><p>").Append(Encode(Intro)).Append("</p><table>");
        foreach (var (label, value) in fields)
        {
            text.Append(label).Append(": ").Append(value).Append('\n');
            html.Append("<tr><th align=\"left\">").Append(Encode(label)).Append("</th><td><code>").Append(Encode(value)).Append("</code></td></tr>");
        }

        text.Append('\n').Append(check).Append('\n');
        html.Append("</table><p>").Append(Encode(check)).Append("</p></body></html>");
        return new OutboxMessage
        {
            To = to,
            Subject = $"Anker toestemmingslog: {head.Size} keuzes, kop {head.Hash[..12]}",
            TextBody = text.ToString(),
            HtmlBody = html.ToString(),
        };
    }

    private static string Encode(string value) => HtmlEncoder.Default.Encode(value);

    [LoggerMessage(LogLevel.Information, "Consent log anchor mailed: head of {Size} records, hash {Hash}")]
    private static partial void LogAnchored(ILogger logger, long size, string hash);

    [LoggerMessage(LogLevel.Error, "Consent log: the anchor mail could not be queued")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
