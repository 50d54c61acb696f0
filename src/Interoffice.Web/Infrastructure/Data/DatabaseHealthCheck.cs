using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Interoffice.Web.Infrastructure.Data;

/// <summary>
/// Ready when the database is prepared and answers. While it is being migrated a probe hears "not ready" at once,
/// instead of waiting at the <see cref="DatabaseGate"/> with the pages that need it.
/// </summary>
internal sealed class DatabaseHealthCheck(DatabaseGate gate, IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!gate.Ready.IsCompletedSuccessfully)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, gate.Ready.IsFaulted ? "preparing the database failed" : "the database is being prepared");
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(context.Registration.FailureStatus, "the database does not answer");
    }
}
