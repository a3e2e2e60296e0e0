namespace Floyo.Accounts;

/// <summary>Persisted state of <see cref="UserAccountGrain"/>.</summary>
[GenerateSerializer, Alias("floyo.UserAccountState")]
public sealed class UserAccountState
{
    [Id(0)] public string? Email { get; set; }

    [Id(1)] public string? PasswordHash { get; set; }

    [Id(2)] public DateTimeOffset CreatedAt { get; set; }

    [Id(3)] public DateTimeOffset? EmailVerifiedAt { get; set; }

    [Id(4)] public string? VerificationTokenHash { get; set; }

    [Id(5)] public DateTimeOffset VerificationExpiresAt { get; set; }

    [Id(6)] public string? ResetTokenHash { get; set; }

    [Id(7)] public DateTimeOffset ResetExpiresAt { get; set; }

    [Id(8)] public int FailedLogins { get; set; }

    [Id(9)] public DateTimeOffset? LockedUntil { get; set; }

    [Id(10)] public string SecurityStamp { get; set; } = "";

    [Id(11)] public EmailPreferences? EmailPreferences { get; set; }
}
