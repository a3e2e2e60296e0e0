namespace Floyo.Accounts;

/// <summary>Account rules, bound from <c>Floyo:Accounts</c>.</summary>
public sealed class AccountOptions
{
    public const string Section = "Floyo:Accounts";

    /// <summary>The address users reach the web UI at; links in email point there (never taken from a request's Host header).</summary>
    public string PublicUrl { get; set; } = "http://localhost:5080";

    /// <summary>Consecutive failed logins that lock an account.</summary>
    public int MaxFailedLogins { get; set; } = 5;

    /// <summary>How long a locked account refuses logins.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan VerificationTokenLifetime { get; set; } = TimeSpan.FromDays(2);

    public TimeSpan ResetTokenLifetime { get; set; } = TimeSpan.FromHours(1);
}
