using Microsoft.EntityFrameworkCore;

namespace Interoffice.Web.Infrastructure.Data;

/// <summary>
/// A value longer than its column: refused before it reaches the database, on every provider alike. Not a
/// <see cref="DbUpdateException"/>: code that retries a save after a conflict must not retry this.
/// </summary>
public sealed class StoredValueTooLongException(string message) : InvalidOperationException(message);
