using Interoffice.Web.Features.News;

namespace Interoffice.Web.Areas.Beheer.Features.News;

/// <summary>The editor: the item being edited (null for a new one), the form, and the preview of its body when asked.</summary>
public sealed record NewsEditorPage(NewsItem? Item, NewsForm Form, string? PreviewHtml);
