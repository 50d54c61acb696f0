namespace Interoffice.Web.Features.Privacy;

/// <summary>Which versions of the statement were announced by e-mail, and when: told by the feature that sends the notices (the newsletter).</summary>
public interface IStatementAnnouncements
{
    /// <summary>Each announced version with the moment (UTC) its notice was sent.</summary>
    Task<IReadOnlyDictionary<string, DateTime>> AnnouncedAsync(CancellationToken cancellationToken);
}
