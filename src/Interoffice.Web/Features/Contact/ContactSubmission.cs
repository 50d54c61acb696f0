using System.Linq.Expressions;
using Interoffice.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Query;

namespace Interoffice.Web.Features.Contact;

/// <summary>One message through the contact form, as stored until staff handle it and retention removes it.</summary>
public sealed class ContactSubmission
{
    // The one rule of "too late", in the form a query can carry: a privacy request still open after its due date.
    private static readonly Expression<Func<ContactSubmission, DateTime, bool>> OverdueRule = (s, now) => s.DueAt < now && s.Status == SubmissionStatus.New;

    private static readonly Func<ContactSubmission, DateTime, bool> IsOverdueRule = OverdueRule.Compile();

    private ContactSubmission()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>What the visitor can quote, e.g. IO-7K3F9QXM.</summary>
    public string Reference { get; private set; } = "";

    public DateTime ReceivedAt { get; private set; }

    public string Name { get; private set; } = "";

    public string Email { get; private set; } = "";

    /// <summary>The address in the form it is compared in (<see cref="EmailAddresses"/>): how staff find a person.</summary>
    public string NormalizedEmail { get; private set; } = "";

    /// <summary>Normalized to +&lt;country&gt;&lt;number&gt;; null when not given.</summary>
    public string? Phone { get; private set; }

    public string Message { get; private set; } = "";

    public ContactKind Kind { get; private set; }

    public SubmissionStatus Status { get; private set; }

    public string? HandledBy { get; private set; }

    public DateTime? HandledAt { get; private set; }

    /// <summary>When a privacy request must be answered (<see cref="DueFor"/>), set once when it comes in; null for other questions.</summary>
    public DateTime? DueAt { get; private set; }

    /// <summary>When the deadline was extended (once, by two months), and why: the reason is told to the person.</summary>
    public DateTime? ExtendedAt { get; private set; }

    public string? ExtensionReason { get; private set; }

    /// <summary>
    /// Kept for the accounts ("bewaren voor de administratie", a legal duty) until then: neither retention nor an
    /// erasure removes it before. Null: not held.
    /// </summary>
    public DateTime? KeepUntil { get; private set; }

    /// <summary>A message as it comes in: the one way one is made, so the site and its tests store the same fields.</summary>
    public static ContactSubmission Receive(string reference, DateTime receivedAt, ContactKind kind, string name, string email, string? phone, string message) => new()
    {
        Id = Guid.NewGuid(),
        Reference = reference,
        ReceivedAt = receivedAt,
        Kind = kind,
        Name = name,
        Email = email,
        NormalizedEmail = EmailAddresses.Normalize(email),
        Phone = PhoneNumber.Normalize(phone),
        Message = message,
        Status = SubmissionStatus.New,
        DueAt = DueFor(kind, receivedAt),
    };

    /// <summary>A privacy request must be answered within one month (GDPR art. 12(3)); the one place this is decided.</summary>
    public static DateTime? DueFor(ContactKind kind, DateTime receivedAt) => kind.IsPrivacyRequest() ? receivedAt.AddMonths(1) : null;

    /// <summary>A privacy request still open after <see cref="DueAt"/>: <see cref="Overdue"/>, asked of one submission.</summary>
    public bool IsOverdue(DateTime now) => IsOverdueRule(this, now);

    /// <summary>The one decision of "too late" as a query asks it (lists, pages, order), on the stored <see cref="DueAt"/>.</summary>
    public static Expression<Func<ContactSubmission, bool>> Overdue(DateTime now)
    {
        // Read from a closure, so that the query sends the moment as a parameter rather than a literal.
        Expression<Func<DateTime>> moment = () => now;
        var body = ReplacingExpressionVisitor.Replace(OverdueRule.Parameters[1], moment.Body, OverdueRule.Body);
        return Expression.Lambda<Func<ContactSubmission, bool>>(body, OverdueRule.Parameters[0]);
    }

    /// <summary>A privacy request not yet handled, overdue or not.</summary>
    public static Expression<Func<ContactSubmission, bool>> Open { get; } = s => s.DueAt != null && s.Status == SubmissionStatus.New;

    /// <summary>
    /// A privacy request may be extended once, by two months, while it is open and not yet due: the person must hear of
    /// it within the first month (GDPR art. 12(3)).
    /// </summary>
    public bool CanExtend(DateTime now) => DueAt is { } due && due > now && ExtendedAt is null && Status == SubmissionStatus.New;

    public void Extend(string reason, DateTime now)
    {
        if (!CanExtend(now))
        {
            throw new InvalidOperationException("Only an open privacy request, once.");
        }

        DueAt = DueAt!.Value.AddMonths(2);
        ExtendedAt = now;
        ExtensionReason = reason;
    }

    /// <summary>Held for the accounts for <paramref name="years"/> from receipt (the fiscal duty counts from the record).</summary>
    public void KeepForAccounts(int years) => KeepUntil = ReceivedAt.AddYears(years);

    public void Release() => KeepUntil = null;

    /// <summary>Not held (or no longer): what erasure and retention may delete.</summary>
    public static Expression<Func<ContactSubmission, bool>> Erasable(DateTime now) => s => s.KeepUntil == null || s.KeepUntil < now;

    public bool IsHeld(DateTime now) => KeepUntil is { } until && until >= now;

    /// <summary>The person corrected their name or phone number (the address is who they are, and stays).</summary>
    public void Correct(string name, string? phone)
    {
        Name = name;
        Phone = PhoneNumber.Normalize(phone);
    }

    public void MarkHandled(string? by, DateTime at)
    {
        Status = SubmissionStatus.Handled;
        HandledBy = by;
        HandledAt = at;
    }

    /// <summary>Back to new, as if nobody had handled it.</summary>
    public void Reopen()
    {
        Status = SubmissionStatus.New;
        HandledBy = null;
        HandledAt = null;
    }
}
