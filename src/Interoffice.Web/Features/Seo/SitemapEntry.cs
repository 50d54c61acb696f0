namespace Interoffice.Web.Features.Seo;

/// <summary>A path on the site and, when known, the (Amsterdam) day it last changed.</summary>
public sealed record SitemapEntry(string Path, DateOnly? LastModified = null);
