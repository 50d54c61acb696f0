namespace Interoffice.Web.Infrastructure.Email;

/// <summary>
/// A lane for bulk mail, registered by the feature that sends it: at most <see cref="MessagesPerMinute"/> of its
/// messages leave in any minute (counted over every instance's sent mail), and each carries the bulk-mail headers
/// with <see cref="ListId"/> (RFC 2919) so that mail programs can sort and filter it.
/// </summary>
public sealed record OutboxLane(string Name, int MessagesPerMinute, string ListId);
