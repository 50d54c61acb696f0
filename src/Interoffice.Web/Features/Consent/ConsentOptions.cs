using System.ComponentModel.DataAnnotations;

namespace Interoffice.Web.Features.Consent;

/// <summary>Bound from the <c>Consent</c> section.</summary>
public sealed class ConsentOptions
{
    public const string SectionName = "Consent";

    /// <summary>Per service key (see <see cref="ServiceRegistry"/>): its account id, or Enabled for one that needs none.</summary>
    public Dictionary<string, ServiceSettings> Services { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long a choice that accepts anything is kept (13 months is the regulators' cap).</summary>
    [Range(1, 13)]
    public int AcceptedLifetimeMonths { get; set; } = 12;

    /// <summary>How long a full rejection is kept before the visitor is asked again.</summary>
    [Range(1, 13)]
    public int RejectedLifetimeMonths { get; set; } = 6;

    /// <summary>How long the proof of each choice is kept in the consent log.</summary>
    [Range(1, 120)]
    public int RecordRetentionMonths { get; set; } = 24;

    /// <summary>The cookie policy's own revision: raise it to ask every visitor again without changing the privacy statement.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9-]{1,16}$")]
    public string Revision { get; set; } = "1";

    /// <summary>Cookie choices per client address and window; a person makes a handful, a flood gets the Dutch 429 page.</summary>
    [Range(1, 100_000_000)]
    public int ChoiceRateLimitPermits { get; set; } = 30;

    [Range(1, 1440)]
    public double ChoiceRateLimitWindowMinutes { get; set; } = 10;

    /// <summary>A PEM file holding the EC P-256 private key that signs the log's heads (PKCS#8 or SEC1); kept outside the database.</summary>
    public string? SigningKeyPath { get; set; }

    /// <summary>The same PEM text itself, from an environment variable or a secret store; wins over <see cref="SigningKeyPath"/>.</summary>
    public string? SigningKey { get; set; }

    /// <summary>
    /// The public keys (PEM) the log was signed with before the current one, as text or as a file (the published
    /// /.well-known/consent-log-keys.pem saved before a rotation will do). Only these and the current key are trusted.
    /// </summary>
    public string? PreviousSigningKeys { get; set; }

    public string? PreviousSigningKeysPath { get; set; }

    /// <summary>Where the daily anchor of the signed head is mailed; empty means Contact:NotifyTo.</summary>
    public string? AnchorTo { get; set; }
}
