using Interoffice.Web.Tests.Support;

namespace Interoffice.Web.Tests.Browser;

/// <summary>The browser site with a real SMTP server in-process: mail is read as the visitor's mailbox receives it.</summary>
public sealed class SiteWithMailServer : BrowserSite
{
    public SiteWithMailServer()
        : this(SmtpSink.Started())
    {
    }

    private SiteWithMailServer(SmtpSink smtp)
        : base(new SiteFactory().With("AllowedHosts", "127.0.0.1;localhost").WithSmtp(smtp)) => Smtp = smtp;

    public SmtpSink Smtp { get; }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
