using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Interoffice.Web.Infrastructure.Data;

/// <summary>
/// Checks every string the site saves against its column's length. SQL Server refuses a longer value (a truncation
/// error), SQLite would store it: with this both refuse it the same way, before anything is written, naming the
/// entity and property (never the value, which may be personal). Where a person types the value, the form checks the
/// length first and says so in Dutch; this is the net under every other path.
/// </summary>
public sealed class StoredLengthGuard : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            foreach (var property in entry.Properties)
            {
                if (property.CurrentValue is string value && property.Metadata.GetMaxLength() is int max && value.Length > max)
                {
                    throw new StoredValueTooLongException(
                        $"{entry.Metadata.DisplayName()}.{property.Metadata.Name} is {value.Length} characters long; its column holds {max}. Nothing was saved.");
                }
            }
        }
    }
}
