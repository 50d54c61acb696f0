using Interoffice.Web.Features.News;
using Interoffice.Web.Features.Newsletter;

namespace Interoffice.Web.Areas.Beheer.Features.Newsletter;

/// <summary>The newsletter page: the figures, a change notice waiting to be sent, and news items to start from.</summary>
public sealed record NewsletterOverview(NewsletterFigures Figures, NewsletterDraft? Notice, bool NoticeHasSummary, IReadOnlyList<NewsItem> News, bool CanMail);
