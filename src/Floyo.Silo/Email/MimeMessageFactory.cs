using Floyo.Email;
using MimeKit;

namespace Floyo.Silo.Email;

/// <summary>Turns an outbox entry into a MIME message: multipart/alternative with the text part first, then HTML.</summary>
public static class MimeMessageFactory
{
    public static MimeMessage Create(OutgoingEmail email, string from)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(email.To));
        message.Subject = email.Subject;
        message.Headers.Add("X-Floyo-Template", email.Template);
        message.Body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody }.ToMessageBody();
        return message;
    }
}
