namespace Interoffice.Web.Features.Privacy;

/// <summary>
/// Reads the privacy statement at start, so that a broken content file stops the start instead of the first visitor:
/// taking it in the constructor reads it when the host gathers its services, before any of them starts.
/// </summary>
internal sealed class PrivacyStatementOnStart : IHostedService
{
    public PrivacyStatementOnStart(PrivacyStatementProvider statement) => ArgumentNullException.ThrowIfNull(statement);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
