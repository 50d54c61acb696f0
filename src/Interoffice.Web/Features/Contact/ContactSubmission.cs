using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Interoffice.Web.Features.Contact;

/// <summary>What a visitor asks: a general question, or one of the requests the privacy statement grants.</summary>
public enum ContactKind
{
    General,
    Access,
    Rectification,
    Erasure,
    Objection,
    Portability,
    WithdrawConsent,
}

public enum SubmissionStatus
{
    New,
    Handled,
}

public static class SubmissionStatuses
{
    /// <summary>The status as staff read it (lists, exports, the audit log): the one place for these words.</summary>
    public static string Label(this SubmissionStatus status) => status switch
    {
        SubmissionStatus.New => "Nieuw",
        SubmissionStatus.Handled => "Afgehandeld",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}

/// <summary>What became of the staff mail about a submission.</summary>
public enum NotificationState
{
    Pending,

    /// <summary>Accepted by the mail server.</summary>
    Sent,

    /// <summary>Refused for good by the mail server, or failed too often: staff can send it again.</summary>
    Dead,

    /// <summary>No mail server is set: written to the pickup folder, not mailed.</summary>
    InFolder,
}

public static class NotificationStates
{
    /// <summary>As staff read it; a mail written to the folder is never called sent.</summary>
    public static string Label(this NotificationState state) => state switch
    {
        NotificationState.Sent => "verzonden",
        NotificationState.Dead => "mislukt",
        NotificationState.InFolder => "in map geschreven",
        _ => "wacht op verzending",
    };
}

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

    /// <summary>Normalised to +&lt;country&gt;&lt;number&gt;; null when not given.</summary>
    public string? Phone { get; set; }

    public required string Message { get; set; }

    public ContactKind Kind { get; set; }

    public SubmissionStatus Status { get; set; }

    public string? HandledBy { get; set; }

    public DateTime? HandledAt { get; set; }

    public NotificationState Notification { get; set; }

    /// <summary>
    /// When a privacy request must be answered: one month after it came in (GDPR art. 12(3)); null for other questions.
    /// The one place this is computed (staff pages and the staff mail show it).
    /// </summary>
    public DateTime? DueAt => Kind.IsPrivacyRequest() ? ReceivedAt.AddMonths(1) : null;
}

internal sealed class ContactSubmissionConfiguration : IEntityTypeConfiguration<ContactSubmission>
{
    public void Configure(EntityTypeBuilder<ContactSubmission> builder)
    {
        builder.ToTable("ContactSubmissions");
        builder.Property(s => s.Reference).HasMaxLength(16).IsUnicode(false);
        builder.HasIndex(s => s.Reference).IsUnique();
        builder.Property(s => s.Name).HasMaxLength(ContactForm.NameMax);
        builder.Property(s => s.Email).HasMaxLength(ContactForm.EmailMax);
        builder.Property(s => s.Phone).HasMaxLength(16).IsUnicode(false);
        builder.Property(s => s.Message).HasMaxLength(ContactForm.MessageMax);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(24).IsUnicode(false);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(s => s.Notification).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(s => s.HandledBy).HasMaxLength(256);
        builder.HasIndex(s => s.ReceivedAt);
        builder.Property(s => s.NormalizedEmail).HasMaxLength(ContactForm.EmailMax);
        builder.HasIndex(s => s.NormalizedEmail);
    }
}
