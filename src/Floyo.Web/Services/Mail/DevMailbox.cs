using System.Text.RegularExpressions;
using Floyo.Silo.Email;
using Floyo.Silo.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Floyo.Web.Services.Mail;

/// <summary>
/// Reads the pickup folder that mail goes to when no SMTP server is configured, for the <c>/dev/mailbox</c> page.
/// Available only in Development or the embedded default (no database), and only without SMTP.
/// </summary>
public sealed partial class DevMailbox(IOptions<EmailOptions> options, IHostEnvironment environment, IConfiguration configuration)
{
    public bool IsAvailable =>
        !options.Value.UsesSmtp && (environment.IsDevelopment() || FloyoDatabase.ConnectionString(configuration) is null);

    public string Folder => options.Value.PickupFolder;

    /// <summary>The newest <paramref name="max"/> messages, newest first.</summary>
    public async Task<IReadOnlyList<DevMailMessage>> ReadAsync(int max, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        var files = Directory.GetFiles(Folder, "*.eml").Order(StringComparer.Ordinal).Reverse().Take(max);
        var messages = new List<DevMailMessage>();
        foreach (var file in files)
        {
            using var message = await MimeMessage.LoadAsync(file, cancellationToken);
            var text = message.TextBody ?? "";
            messages.Add(new DevMailMessage(
                message.Subject ?? "",
                string.Join(", ", message.To.Mailboxes.Select(m => m.Address)),
                message.Date.ToUniversalTime(),
                text,
                [.. Links().Matches(text).Select(m => m.Value)]));
        }

        return messages;
    }

    [GeneratedRegex(@"https?://[^\s<>""]+", RegexOptions.CultureInvariant)]
    private static partial Regex Links();
}

/// <summary>One message as the development mailbox shows it: the plain-text body and the links found in it.</summary>
public sealed record DevMailMessage(string Subject, string To, DateTimeOffset Date, string TextBody, IReadOnlyList<string> Links);
