namespace Interoffice.Web.Features.Consent;

/// <summary>Why the banner asks again: nothing (a first choice), a new privacy statement, or another change of the cookie policy.</summary>
public enum ConsentRenewal
{
    None,
    Statement,
    Policy,
}

/// <summary>The consent that applies to one request, resolved once by <see cref="ConsentMiddleware"/>.</summary>
public sealed class ConsentContext(
    ConsentState? choice,
    bool globalPrivacyControl,
    IReadOnlyList<ConsentCategory> offered,
    bool oneTimeVideo,
    ConsentState? outdated = null,
    ConsentRenewal renewal = ConsentRenewal.None)
{
    /// <summary>The visitor's explicit, current choice; null while none is made.</summary>
    public ConsentState? Choice { get; } = choice;

    /// <summary>The browser sent <c>Sec-GPC: 1</c>.</summary>
    public bool GlobalPrivacyControl { get; } = globalPrivacyControl;

    public IReadOnlyList<ConsentCategory> Offered { get; } = offered;

    /// <summary>The visitor chose "Video laden" on a placeholder: embeds load for this response only.</summary>
    public bool OneTimeVideo { get; } = oneTimeVideo;

    /// <summary>A choice made against an earlier policy: it no longer counts, and the banner says why it asks again.</summary>
    public ConsentState? Outdated { get; } = outdated;

    /// <summary>Why the banner asks again; a new statement only when the old choice says under which one it was made.</summary>
    public ConsentRenewal Renewal { get; } = renewal;

    public bool IsGranted(ConsentCategory category) =>
        category == ConsentCategory.Functional || (Choice is not null && Choice.Granted.Contains(category));

    /// <summary>Without a choice, GPC refuses tracking and advertising; an explicit choice wins over the signal.</summary>
    public bool IsRefusedBySignal(ConsentCategory category) =>
        Choice is null && GlobalPrivacyControl && category is ConsentCategory.Tracking or ConsentCategory.Advertising;

    /// <summary>The banner asks while an offered category has neither a choice nor a refusal by signal.</summary>
    public bool ShowBanner => Choice is null && Offered.Any(c => !IsRefusedBySignal(c));

    public IReadOnlySet<ConsentCategory> Granted => Choice?.Granted ?? System.Collections.Frozen.FrozenSet<ConsentCategory>.Empty;
}

public static class ConsentContextExtensions
{
    private static readonly ConsentContext Nothing = new(null, false, [], false);

    public static ConsentContext Consent(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<ConsentContext>() ?? Nothing;
    }
}
