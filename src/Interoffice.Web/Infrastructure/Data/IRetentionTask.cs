namespace Interoffice.Web.Infrastructure.Data;

/// <summary>
/// What one feature deletes once it has outlived its retention period. Each feature registers its own; the daily
/// <see cref="RetentionJob"/> runs them all. Deleted means gone from the files too (see <see cref="Forgetting"/>).
/// </summary>
public interface IRetentionTask
{
    /// <summary>What it deletes, as the log line names it ("contact submissions").</summary>
    string Name { get; }

    /// <summary>Deletes what is past its period at <paramref name="now"/>; returns how many.</summary>
    Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
