namespace Interoffice.Web.Infrastructure.Email;

/// <summary>Where the site's mail goes: a mail server, or the pickup folder when none is set.</summary>
public interface IMailTransport
{
    /// <summary>Opens what a batch of messages is sent through (one SMTP connection).</summary>
    Task<IMailConnection> ConnectAsync(CancellationToken cancellationToken);
}
