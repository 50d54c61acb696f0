using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Interoffice.Web.Infrastructure.Email;

/// <summary>Delivers a batch of mail over one connection.</summary>
public interface IMailTransport
{
    /// <summary>Sends each message in turn; <paramref name="sent"/> is told of each one that went out.</summary>
    Task SendAsync(IReadOnlyList<MimeMessage> messages, Func<int, Task> sent, CancellationToken cancellationToken);
}

/// <summary>SMTP through MailKit: one connection per batch.</summary>
public sealed class SmtpMailTransport(IOptions<SmtpOptions> options) : IMailTransport
{
    public async Task SendAsync(IReadOnlyList<MimeMessage> messages, Func<int, Task> sent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(sent);
        var smtp = options.Value;
        using var client = new SmtpClient { Timeout = 30_000 };
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

        for (var i = 0; i < messages.Count; i++)
        {
            await client.SendAsync(messages[i], cancellationToken);
            await sent(i);
        }

        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>
/// The default without a mail server: each message becomes an .eml file in a folder, so a newcomer's run
/// works and shows exactly what would have been sent.
/// </summary>
public sealed class PickupDirectoryMailTransport(IOptions<SmtpOptions> options, IHostEnvironment environment) : IMailTransport
{
    public async Task SendAsync(IReadOnlyList<MimeMessage> messages, Func<int, Task> sent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(sent);
        var folder = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.PickupDirectory));
        Directory.CreateDirectory(folder);
        for (var i = 0; i < messages.Count; i++)
        {
            var path = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
            await messages[i].WriteToAsync(path, cancellationToken);
            await sent(i);
        }
    }
}
