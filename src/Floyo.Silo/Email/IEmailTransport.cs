using MimeKit;

namespace Floyo.Silo.Email;

/// <summary>Delivers one message (SMTP, or a pickup folder); throws when it could not.</summary>
public interface IEmailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
