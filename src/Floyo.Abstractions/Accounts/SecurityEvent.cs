namespace Floyo.Accounts;

/// <summary>Security-relevant account events (see <see cref="IUserAccountGrain.RecordSecurityEventAsync"/>).</summary>
[GenerateSerializer, Alias("floyo.SecurityEvent")]
public enum SecurityEvent
{
    SignedUp,
    EmailVerified,
    LoginSucceeded,
    LoginFailed,
    LockedOut,
    PasswordChanged,
    SignedOutEverywhere,
    ApiKeyCreated,
    ApiKeyRevoked,
}
