namespace Floyo.Accounts;

/// <summary>How a password change by a signed-in user ended.</summary>
[GenerateSerializer, Alias("floyo.PasswordChangeStatus")]
public enum PasswordChangeStatus
{
    /// <summary>The password is changed; <see cref="PasswordChangeResult.SecurityStamp"/> is the new stamp.</summary>
    Changed,

    /// <summary>The current password did not match (counted towards lockout like a failed login).</summary>
    WrongPassword,

    /// <summary>Too many failures: nothing is checked until <see cref="PasswordChangeResult.LockedUntil"/>.</summary>
    LockedOut,

    /// <summary>The user has no password account (a user made for an API key only).</summary>
    NoAccount,
}

/// <summary>The outcome of <see cref="IUserAccountGrain.ChangePasswordAsync"/>.</summary>
[GenerateSerializer, Immutable, Alias("floyo.PasswordChangeResult")]
public sealed record PasswordChangeResult(
    [property: Id(0)] PasswordChangeStatus Status,
    [property: Id(1)] string? SecurityStamp,
    [property: Id(2)] DateTimeOffset? LockedUntil);
