using MimeKit;

namespace Interoffice.Web.Infrastructure.Email;

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
