using Interoffice.Web.Features.News;
using Interoffice.Web.Features.Newsletter;
using Interoffice.Web.Features.Privacy;
using Interoffice.Web.Features.Staff;
using Interoffice.Web.Infrastructure.Data;
using Interoffice.Web.Infrastructure.Email;
using Interoffice.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Areas.Beheer.Features.Newsletter;

/// <summary>
/// Staff send the newsletter: written here or from a news item, previewed, tried on their own address, then sent
/// after one confirmation. The page shows counts only, and the change notice for a new privacy statement.
/// </summary>
[Area(StaffExtensions.Area)]
public sealed class NewsletterStaffController(SiteDbContext db, NewsletterSending sending, AuditLog audit, MailLinks links, TimeProvider time) : Controller
{
    private const string Preview = "voorbeeld";
    private const string Test = "proef";
    private const string Send = "versturen";

    [HttpGet("/beheer/nieuwsbrief")]
    public async Task<IActionResult> Index([FromServices] PrivacyStatementProvider statement, [FromServices] IStatementAnnouncements announcements, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(announcements);
        var figures = await NewsletterFigures.ReadAsync(db, time.GetUtcNow().UtcDateTime, cancellationToken);
        var notice = StatementNotice.Due(statement.Versions, await announcements.AnnouncedAsync(cancellationToken));
        var news = await NewsQueries.Published(db).Take(5).ToListAsync(cancellationToken);
        return View(new NewsletterOverview(figures, notice, statement.Current.Summary is not null, news, links.BaseUrl(Request) is not null));
    }

    [HttpGet("/beheer/nieuwsbrief/schrijven")]
    public async Task<IActionResult> Compose([FromQuery(Name = "nieuws")] Guid? newsItem, CancellationToken cancellationToken)
    {
        var form = new NewsletterForm { Id = Guid.NewGuid() };
        if (newsItem is { } id && await NewsQueries.Published(db).FirstOrDefaultAsync(n => n.Id == id, cancellationToken) is { } item)
        {
            form.Subject = item.Title;
            form.Body = $"{item.Summary}\n\n{item.Body}\n\n[Lees dit bericht op onze website](/nieuws/{item.Slug})";
            form.NewsItemId = item.Id;
        }

        return View(new ComposePage(form, null, await sending.ConfirmedCountAsync(cancellationToken)));
    }

    /// <summary>The editor's buttons: a preview, a test mail to oneself, or on to the confirmation before sending.</summary>
    [HttpPost("/beheer/nieuwsbrief/schrijven")]
    public async Task<IActionResult> Write(NewsletterForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (form.Id == Guid.Empty)
        {
            form.Id = Guid.NewGuid();
        }

        var recipients = await sending.ConfirmedCountAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return View("Compose", new ComposePage(form, null, recipients));
        }

        var preview = NewsMarkdown.ToHtml(form.Body!);
        if (form.Action == Test)
        {
            var me = User.Identity?.Name ?? "";
            await sending.SendTestAsync(me, form.Subject!.Trim(), form.Body!, BaseUrl(), cancellationToken);
            await audit.WriteAsync(AuditAction.TestNewsletter, form.Subject, cancellationToken: cancellationToken);
            ViewData["Melding"] = $"Proefmail verstuurd naar {me}. Alleen u ontvangt hem; de afmeldlink erin meldt niemand af.";
        }

        return View(form.Action == Send ? "ConfirmSend" : "Compose", new ComposePage(form, preview, recipients));
    }

    [HttpPost("/beheer/nieuwsbrief/versturen")]
    public async Task<IActionResult> Sent(NewsletterForm form, [FromServices] PrivacyStatementProvider statement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(statement);
        if (!ModelState.IsValid || form.Id == Guid.Empty)
        {
            return View("Compose", new ComposePage(form, null, await sending.ConfirmedCountAsync(cancellationToken)));
        }

        // A change notice is the server's own text for a version that exists, never what the form says it is.
        var draft = form.Draft();
        if (form.StatementVersion is { } version)
        {
            if (statement.Find(version) is not { } announced)
            {
                return NotFound();
            }

            draft = StatementNotice.For(announced);
        }

        var sent = await sending.SendAsync(
            draft,
            User.Identity?.Name ?? AuditLog.CommandLine,
            BaseUrl(),
            (count, token) => audit.WriteAsync(AuditAction.SendNewsletter, $"{draft.Subject} (aan {count} abonnees)", cancellationToken: token),
            cancellationToken);
        TempData["Melding"] = sent is { } count
            ? $"De nieuwsbrief \"{draft.Subject}\" staat klaar voor {count} {(count == 1 ? "abonnee" : "abonnees")}; hij gaat in de komende minuten de deur uit."
            : $"De nieuwsbrief \"{draft.Subject}\" was al verstuurd; hij is niet nog eens verstuurd.";
        return this.SeeOther("/beheer/nieuwsbrief");
    }

    /// <summary>Newsletter mails the server kept refusing get all their attempts again; the rate still holds.</summary>
    [HttpPost("/beheer/nieuwsbrief/opnieuw")]
    public async Task<IActionResult> Resend([FromServices] Outbox outbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        var count = await outbox.ResendLaneAsync(NewsletterMails.Lane, cancellationToken);
        await audit.WriteAsync(AuditAction.ResendNotification, $"{count} nieuwsbriefmails", cancellationToken: cancellationToken);
        TempData["Melding"] = $"{count} mislukte {(count == 1 ? "nieuwsbriefmail wordt" : "nieuwsbriefmails worden")} opnieuw verstuurd.";
        return this.SeeOther("/beheer/nieuwsbrief");
    }

    /// <summary>Signs someone up on their behalf (asked by phone, at a counter): they still confirm by mail.</summary>
    [HttpPost("/beheer/nieuwsbrief/aanmelden")]
    public async Task<IActionResult> SignUp([FromForm] string? email, [FromServices] Subscriptions subscriptions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        var address = email?.Trim();
        if (string.IsNullOrEmpty(address) || EmailAddresses.Problem(address, Subscriber.EmailMax) is not null)
        {
            TempData["Fout"] = "Vul een geldig e-mailadres in, bijvoorbeeld naam@bedrijf.nl.";
            return this.SeeOther("/beheer/nieuwsbrief");
        }

        var outcome = await subscriptions.SignUpAsync(address, SignUpSource.Staff, User.Identity?.Name, BaseUrl(), cancellationToken);
        var said = outcome switch
        {
            SignUpOutcome.ConfirmationSent => "Er is een bevestigingsmail verstuurd. Pas na bevestiging ontvangt dit adres de nieuwsbrief.",
            SignUpOutcome.AlreadySubscribed => "Dit adres is al aangemeld en bevestigd; het kreeg daar een melding van.",
            SignUpOutcome.HeldBack => "Dit adres kreeg kort geleden al een e-mail over de aanmelding; er is geen nieuwe verstuurd.",
            _ => "Dit adres heeft zich afgemeld. Alleen de persoon zelf kan zich opnieuw aanmelden, op /nieuwsbrief.",
        };

        // What happened, never the address: the entry outlives the subscription.
        await audit.WriteAsync(AuditAction.AddSubscriber, $"namens betrokkene: {said}", cancellationToken: cancellationToken);
        TempData[outcome == SignUpOutcome.Unsubscribed ? "Fout" : "Melding"] = said;
        return this.SeeOther("/beheer/nieuwsbrief");
    }

    // Without a trustworthy address for the links, nothing is mailed (MailLinks).
    private string BaseUrl() => links.BaseUrl(Request) ?? throw new InvalidOperationException("Set Site:BaseUrl: the newsletter's mails need the site's public address for their links.");
}
