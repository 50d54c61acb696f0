using System.Collections.Frozen;

namespace Interoffice.Web.Features.Consent;

/// <summary>
/// The consent that applies to one request, resolved once by <see cref="ConsentMiddleware"/> against one
/// <see cref="ConsentPolicy"/>: the visitor's <see cref="ConsentChoice"/> (what the cookie keeps) together with
/// what else this request brings (the GPC signal, "Video laden") and the policy it is read against. Views, tag
/// helpers and the choice endpoint read the consent and the policy from here, never anew.
/// </summary>
public sealed class ConsentContext
{
    public ConsentContext(ConsentPolicy policy, IReadOnlyList<ConsentCategory> offered, ConsentChoice? choice, bool globalPrivacyControl, bool oneTimeVideo = false, ConsentChoice? outdated = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(offered);
        Policy = policy;
        Offered = offered;
        Choice = choice;
        GlobalPrivacyControl = globalPrivacyControl;
        OneTimeVideo = oneTimeVideo;
        ConsentId = choice?.ConsentId ?? outdated?.ConsentId;
        Renewal = outdated is null ? ConsentRenewal.None
            : outdated.StatementVersion is not null && outdated.StatementVersion != policy.Statement.Version ? ConsentRenewal.Statement
            : ConsentRenewal.Policy;

        // Everything a page may show of this object, and nothing else (the offered categories and every text are in the
        // policy's version). A property a view reads that is missing here gives one visitor's page to another.
        Key = string.Join('|',
            policy.Version,
            choice is null ? "none" : string.Join(',', choice.Granted.Order().Select(c => c.Key())),
            globalPrivacyControl ? "gpc" : "",
            Renewal,
            oneTimeVideo ? "video" : "");
    }

    /// <summary>The policy this request is resolved against; read once per request.</summary>
    public ConsentPolicy Policy { get; }

    public IReadOnlyList<ConsentCategory> Offered { get; }

    /// <summary>
    /// The visitor's explicit, current choice; null while none is made. Only its granted categories are in
    /// <see cref="Key"/>: a page that shows more of it (the cookie statement) is never cached once a choice is made.
    /// </summary>
    public ConsentChoice? Choice { get; }

    /// <summary>The browser sent <c>Sec-GPC: 1</c>.</summary>
    public bool GlobalPrivacyControl { get; }

    /// <summary>The visitor chose "Video laden" on a placeholder: embeds load for this response only.</summary>
    public bool OneTimeVideo { get; }

    /// <summary>Why the banner asks again; a new statement only when the old choice says under which one it was made.</summary>
    public ConsentRenewal Renewal { get; }

    /// <summary>The visitor's consent id, also of a choice that no longer counts (a new choice keeps it); never on a page.</summary>
    public string? ConsentId { get; }

    /// <summary>
    /// What a page's content depends on besides its address, as one string: the key under which the page cache keeps a
    /// page, and the banner's fragment on pages rendered every time.
    /// </summary>
    public string Key { get; }

    public IReadOnlySet<ConsentCategory> Granted => Choice?.Granted ?? FrozenSet<ConsentCategory>.Empty;

    public bool IsGranted(ConsentCategory category) =>
        category == ConsentCategory.Functional || (Choice is not null && Choice.Granted.Contains(category));

    /// <summary>Without a choice, GPC refuses tracking and advertising; an explicit choice wins over the signal.</summary>
    public bool IsRefusedBySignal(ConsentCategory category) =>
        Choice is null && GlobalPrivacyControl && category is ConsentCategory.Tracking or ConsentCategory.Advertising;

    /// <summary>The banner asks while an offered category has neither a choice nor a refusal by signal.</summary>
    public bool ShowBanner => Choice is null && Offered.Any(c => !IsRefusedBySignal(c));

    /// <summary>The consent once the visitor has made <paramref name="choice"/> in this request, under the same policy.</summary>
    public ConsentContext After(ConsentChoice choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        return new ConsentContext(Policy, Offered, choice, GlobalPrivacyControl, OneTimeVideo);
    }
}
