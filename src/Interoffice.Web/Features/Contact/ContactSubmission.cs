using System.Linq.Expressions;

namespace Interoffice.Web.Features.Contact;

/// <summary>One message through the contact form, as stored until staff handle it and retention removes it.</summary>
public sealed class ContactSubmission
{
    public Guid Id { get; set; }

    /// <summary>What the visitor can quote, e.g. IO-7K3F9QXM.</summary>
    public required string Reference { get; set; }

    public DateTime ReceivedAt { get; set; }

    public required string Name { get; set; }

    public required string Email { get; set; }

    /// <summary>The address in the form it is compared in (<see cref="Infrastructure.Data.EmailAddresses"/>): how staff find a person.</summary>
    public required string NormalizedEmail { get; set; }

    /// <summary>Normalized to +&lt;country&gt;&lt;number&gt;; null when not given.</summary>
    public string? Phone { get; set; }

    public required string Message { get; set; }

    public ContactKind Kind { get; set; }

    public SubmissionStatus Status { get; set; }

    public string? HandledBy { get; set; }

    public DateTime? HandledAt { get; set; }

    /// <summary>
    /// When a privacy request must be answered: one month after it came in (GDPR art. 12(3)); null for other questions.
    /// The one place this is decided. It is also stored (the setter ignores what the database gives back), so that a
    /// list can put overdue requests first in SQL by exactly this date, on both providers.
    /// </summary>
    public DateTime? DueAt
    {
        get => Kind.IsPrivacyRequest() ? ReceivedAt.AddMonths(1) : null;
        private set { }
    }

    /// <summary>A privacy request still open after <see cref="DueAt"/>: the one decision of "too late" (lists, pages, order).</summary>
    public bool IsOverdue(DateTime now) => DueAt < now && Status == SubmissionStatus.New;

    /// <summary><see cref="IsOverdue"/> as a query asks it, on the stored <see cref="DueAt"/>.</summary>
    public static Expression<Func<ContactSubmission, bool>> Overdue(DateTime now) => s => s.DueAt < now && s.Status == SubmissionStatus.New;

    /// <summary>A privacy request not yet handled, overdue or not.</summary>
    public static Expression<Func<ContactSubmission, bool>> Open { get; } = s => s.DueAt != null && s.Status == SubmissionStatus.New;
}
