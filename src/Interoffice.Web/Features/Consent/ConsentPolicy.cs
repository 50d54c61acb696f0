using Interoffice.Web.Features.Privacy;

namespace Interoffice.Web.Features.Consent;

/// <summary>
/// The policy in force, as one request is resolved against it: the <see cref="PolicySnapshot"/> of what visitors are
/// shown (the part that is hashed and stored), its canonical JSON, its hash (the policy version) and the statement.
/// </summary>
public sealed record ConsentPolicy(PrivacyStatementDocument Statement, PolicySnapshot Snapshot, string Json, string Version)
{
    /// <summary>The texts the views render: the very ones the snapshot keeps as proof.</summary>
    public ConsentTexts Texts => Snapshot.Texts;
}
