namespace Interoffice.Web.Infrastructure.Email;

/// <summary>How the connection to the mail server is secured (<c>Smtp:Security</c>).</summary>
public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}
