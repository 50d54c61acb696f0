using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Interoffice.Web.Infrastructure.Email;

/// <summary>Where the site's mail goes: a mail server, or the pickup folder when none is set.</summary>
public interface IMailTransport
{
    /// <summary>Opens what a batch of messages is sent through (one SMTP connection).</summary>
    Task<IMailConnection> ConnectAsync(CancellationToken cancellationToken);
}

/// <summary>Sends messages one at a time, each with an outcome of its own.</summary>
public interface IMailConnection : IAsyncDisposable
{
    /// <summary>False once the connection was lost: the next message needs a new one.</summary>
    bool IsOpen { get; }

    /// <summary>
    /// Delivers one message. Returns the name of the file it was written to in the pickup folder, or null when a
    /// mail server accepted it. Throws <see cref="MailRefusedException"/> when the server refused this message.
    /// </summary>
    Task<string?> SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>The mail server answered this one message with a refusal: permanent (5xx) or for now (4xx).</summary>
public sealed class MailRefusedException(int statusCode, string answer, Exception? inner = null)
    : Exception($"{statusCode} {answer}".Trim(), inner)
{
    public int StatusCode { get; } = statusCode;

    /// <summary>A 5xx answer: sending it again will not help.</summary>
    public bool IsPermanent => StatusCode >= 500;
}

/// <summary>SMTP through MailKit: one connection per batch.</summary>
public sealed class SmtpMailTransport(IOptions<SmtpOptions> options) : IMailTransport
{
    public async Task<IMailConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        var client = new SmtpClient { Timeout = 30_000 };
        try
        {
            var security = smtp.Security switch
            {
                SmtpSecurity.None => SecureSocketOptions.None,
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTls,
            };
            await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password!, cancellationToken);
            }

            return new Connection(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private sealed class Connection(SmtpClient client) : IMailConnection
    {
        public bool IsOpen => client.IsConnected;

        public async Task<string?> SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            try
            {
                await client.SendAsync(message, cancellationToken);
                return null;
            }
            catch (SmtpCommandException refused)
            {
                // The server's own answer to this message (sender, recipient or content refused).
                throw new MailRefusedException((int)refused.StatusCode, refused.Message, refused);
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    await client.DisconnectAsync(quit: true, quit.Token);
                }
            }
            catch (Exception ex) when (ex is IOException or SmtpProtocolException or OperationCanceledException or System.Net.Sockets.SocketException)
            {
                // Everything was sent or recorded already; a failing goodbye changes nothing.
            }
            finally
            {
                client.Dispose();
            }
        }
    }
}

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

/// <summary>The pickup folder: where mail is written without a mail server, and the one place that deletes from it.</summary>
public sealed class PickupFolder(IOptions<SmtpOptions> options, IHostEnvironment environment)
{
    public string Path { get; } = System.IO.Path.GetFullPath(System.IO.Path.Combine(environment.ContentRootPath, options.Value.PickupDirectory));

    /// <summary>Deletes the files of deleted outbox messages; a file that is already gone is fine.</summary>
    public void Delete(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        foreach (var name in names)
        {
            // Only a bare file name from the database, never a path that leads elsewhere.
            File.Delete(System.IO.Path.Combine(Path, System.IO.Path.GetFileName(name)));
        }
    }

    /// <summary>
    /// Deletes .eml files written before <paramref name="cutoff"/> that no outbox message owns (written by an older
    /// version of the site, or left by a crash), and half-written .part files: retention holds for the folder as well.
    /// </summary>
    public int DeleteUnownedBefore(DateTime cutoff, IReadOnlySet<string> owned)
    {
        ArgumentNullException.ThrowIfNull(owned);
        if (!Directory.Exists(Path))
        {
            return 0;
        }

        var deleted = 0;
        foreach (var file in Directory.EnumerateFiles(Path, "*.eml").Concat(Directory.EnumerateFiles(Path, "*.eml.part")))
        {
            if (!owned.Contains(System.IO.Path.GetFileName(file)) && File.GetLastWriteTimeUtc(file) < cutoff)
            {
                File.Delete(file);
                deleted++;
            }
        }

        return deleted;
    }
}
