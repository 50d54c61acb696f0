namespace Interoffice.Web.Features.Consent;

/// <summary>What a visitor reads about a category; <see cref="Key"/> is what forms and cookies carry.</summary>
public sealed record CategoryInfo(ConsentCategory Category, string Key, string Label, string Description);
