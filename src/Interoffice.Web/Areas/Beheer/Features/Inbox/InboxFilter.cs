using Interoffice.Web.Features.Contact;
using Microsoft.AspNetCore.Mvc;

namespace Interoffice.Web.Areas.Beheer.Features.Inbox;

/// <summary>
/// The filter of the inbox. Status, kind and page may stand in the address (a filtered view can be shared); what staff
/// search for is often an e-mail address, so it travels only in a form post, never in an address.
/// </summary>
public sealed class InboxFilter
{
    [ModelBinder(Name = "status")]
    public SubmissionStatus? Status { get; set; }

    [ModelBinder(Name = "soort")]
    public ContactKind? Kind { get; set; }

    // From a posted form only: a search in an address (a link someone made) is never carried out.
    [FromForm]
    public string? Search { get; set; }

    [ModelBinder(Name = "pagina")]
    public int Page { get; set; } = 1;

    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Search))]
    public bool HasSearch => !string.IsNullOrWhiteSpace(Search);

    /// <summary>The filter as the audit log keeps it: status and kind, and whether words were searched for, never the words.</summary>
    public string AuditDescription()
    {
        var parts = new List<string>();
        if (Status is not null)
        {
            parts.Add($"status {Status.Value.Label().ToLowerInvariant()}");
        }

        if (Kind is not null)
        {
            parts.Add($"soort {Kind.Value.Label()}");
        }

        if (HasSearch)
        {
            parts.Add("met zoekterm");
        }

        return parts.Count == 0 ? "" : $" ({string.Join(", ", parts)})";
    }

    /// <summary>The filter as an address's query: status, kind and page; never the search text.</summary>
    public string QueryString(int? page = null)
    {
        var parts = new List<string>();
        if (Status is not null)
        {
            parts.Add($"status={Status}");
        }

        if (Kind is not null)
        {
            parts.Add($"soort={Kind}");
        }

        if (page is > 1)
        {
            parts.Add($"pagina={page}");
        }

        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}
