using System.Globalization;
using MimeKit;
using MimeKit.Utils;

namespace Interoffice.Web.Infrastructure.Email;

/// <summary>An outbox message as the mail that leaves the site.</summary>
internal static class OutboxMime
{
    public static MimeMessage Of(OutboxMessage message, string from)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(from));
        mime.To.Add(MailboxAddress.Parse(message.To));
        if (message.ReplyToAddress is not null)
        {
            mime.ReplyTo.Add(new MailboxAddress(message.ReplyToName ?? "", message.ReplyToAddress));
        }

        mime.Subject = message.Subject;
        mime.MessageId = MimeUtils.GenerateMessageId("interoffice.nl");
        mime.Headers.Add("X-Interoffice-Outbox-Id", message.Id.ToString(CultureInfo.InvariantCulture));
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }
}
