namespace Floyo.Silo.Email;

/// <summary>
/// Email delivery, bound from <c>Floyo:Email</c>. With <see cref="SmtpOptions.Host"/> set, mail goes out over SMTP;
/// without it, each message is written as an <c>.eml</c> file to <see cref="PickupFolder"/> (the embedded default,
/// shown at <c>/dev/mailbox</c>).
/// </summary>
public sealed class EmailOptions
{
    public const string Section = "Floyo:Email";

    /// <summary>The sender, e.g. <c>Floyo &lt;no-reply@example.com&gt;</c>.</summary>
    public string From { get; set; } = "Floyo <no-reply@floyo.localhost>";

    /// <summary>Where mail goes when no SMTP server is configured.</summary>
    public string PickupFolder { get; set; } = Path.Combine(Path.GetTempPath(), "floyo-mail");

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Attempts per message before it is marked failed for good.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Wait after the first failed attempt; doubles with every further failure, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the sender looks for due mail queued by other processes (mail queued here wakes it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>MailKit's <c>SecureSocketOptions</c>: <c>Auto</c>, <c>None</c>, <c>StartTls</c>, <c>StartTlsWhenAvailable</c> or <c>SslOnConnect</c>.</summary>
    public string Security { get; set; } = "Auto";

    public string? UserName { get; set; }

    /// <summary>From configuration or a secret store only (env <c>Floyo__Email__Smtp__Password</c>).</summary>
    public string? Password { get; set; }
}
