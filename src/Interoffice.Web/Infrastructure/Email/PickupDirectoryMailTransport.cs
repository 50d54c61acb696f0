using MimeKit;

namespace Interoffice.Web.Infrastructure.Email;

/// <summary>
/// The default without a mail server: each message becomes an .eml file in the pickup folder, so a newcomer's run
/// works and shows exactly what would have been sent. The file belongs to its outbox message and is deleted with it.
/// </summary>
public sealed class PickupDirectoryMailTransport(PickupFolder folder) : IMailTransport, IMailConnection
{
    public bool IsOpen => true;

    public Task<IMailConnection> ConnectAsync(CancellationToken cancellationToken) => Task.FromResult<IMailConnection>(this);

    public async Task<string?> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        Directory.CreateDirectory(folder.Path);
        var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml";
        var path = System.IO.Path.Combine(folder.Path, name);

        // Written under another name first, so that nobody reading the folder ever opens half a message.
        await message.WriteToAsync(path + ".part", cancellationToken);
        File.Move(path + ".part", path);
        return name;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
