namespace Floyo.Accounts;

/// <summary>How a password check ended.</summary>
[GenerateSerializer, Alias("floyo.LoginStatus")]
public enum LoginStatus
{
    /// <summary>Wrong password, or no such account.</summary>
    InvalidCredentials,

    /// <summary>Correct password; <see cref="LoginResult.SecurityStamp"/> goes into the session.</summary>
    Succeeded,

    /// <summary>Too many failures: no password is checked until <see cref="LoginResult.LockedUntil"/>.</summary>
    LockedOut,

    /// <summary>Correct password, but the email address has not been verified yet.</summary>
    EmailNotVerified,
}

/// <summary>The outcome of <see cref="IUserAccountGrain.LoginAsync"/>.</summary>
[GenerateSerializer, Immutable, Alias("floyo.LoginResult")]
public sealed record LoginResult(
    [property: Id(0)] LoginStatus Status,
    [property: Id(1)] string? SecurityStamp,
    [property: Id(2)] DateTimeOffset? LockedUntil);
