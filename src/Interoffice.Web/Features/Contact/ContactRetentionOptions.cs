using System.ComponentModel.DataAnnotations;

namespace Interoffice.Web.Features.Contact;

/// <summary>Bound from the <c>Retention</c> section: how long the contact form's submissions are kept.</summary>
public sealed class ContactRetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Months a contact submission is kept after it was received (the privacy statement says 24).</summary>
    [Range(1, 120)]
    public int ContactSubmissions { get; set; } = 24;

    /// <summary>Years a submission marked "bewaren voor de administratie" is kept from receipt (the fiscal duty: 7).</summary>
    [Range(1, 30)]
    public int KeepForAccountsYears { get; set; } = 7;
}
