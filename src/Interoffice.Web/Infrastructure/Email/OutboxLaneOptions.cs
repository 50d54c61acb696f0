namespace Interoffice.Web.Infrastructure.Email;

/// <summary>The lanes features registered (<see cref="OutboxLane"/>); a message in a lane nobody registered is sent unthrottled.</summary>
public sealed class OutboxLaneOptions
{
    public List<OutboxLane> Lanes { get; } = [];

    public OutboxLane? Find(string? name) => name is null ? null : Lanes.Find(l => string.Equals(l.Name, name, StringComparison.Ordinal));
}
