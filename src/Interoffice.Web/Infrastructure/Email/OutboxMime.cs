using System.Globalization;
using MimeKit;
using MimeKit.Utils;

namespace Interoffice.Web.Infrastructure.Email;

/// <summary>An outbox message as the mail that leaves the site.</summary>
internal static class OutboxMime
{
    public static MimeMessage Of(OutboxMessage message, string from, OutboxLane? lane = null)
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

        // Every mail of the site is made by the site, not typed as a reply (RFC 3834): out-of-office answers stay away.
        mime.Headers.Add("Auto-Submitted", "auto-generated");
        if (lane is not null)
        {
            mime.Headers.Add("Precedence", "bulk");
            mime.Headers.Add("List-Id", lane.ListId);
        }

        if (message.UnsubscribeUrl is not null)
        {
            // RFC 8058: a mail program unsubscribes with one POST to the https address, without a page or a cookie.
            mime.Headers.Add("List-Unsubscribe", $"<{message.UnsubscribeUrl}>");
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }
}
