namespace Interoffice.Web.Areas.Beheer.Features.Newsletter;

/// <summary>The editor: the form, its preview as the mail's HTML shows it, and to how many it would go.</summary>
public sealed record ComposePage(NewsletterForm Form, string? PreviewHtml, int Recipients);
