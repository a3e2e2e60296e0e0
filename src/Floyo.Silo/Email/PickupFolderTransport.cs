using Microsoft.Extensions.Options;
using MimeKit;

namespace Floyo.Silo.Email;

/// <summary>
/// "Sends" by writing each message as an <c>.eml</c> file into <see cref="EmailOptions.PickupFolder"/>: the embedded
/// default, read by the development mailbox page. File names sort by time.
/// </summary>
public sealed class PickupFolderTransport(IOptions<EmailOptions> options, TimeProvider clock) : IEmailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateDirectory(options.Value.PickupFolder).FullName;
        var name = $"{clock.GetUtcNow():yyyyMMdd'T'HHmmssfff}-{Guid.NewGuid():N}.eml";
        var temporary = Path.Combine(folder, name + ".tmp");
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, Path.Combine(folder, name));
    }
}
