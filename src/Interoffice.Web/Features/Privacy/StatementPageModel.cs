namespace Interoffice.Web.Features.Privacy;

/// <summary>One version of the statement on its page, with the version in force and the one shown.</summary>
public sealed record StatementPageModel(PrivacyStatementDocument Shown, PrivacyStatementDocument Current, int VersionCount)
{
    public bool IsCurrent => ReferenceEquals(Shown, Current);
}
