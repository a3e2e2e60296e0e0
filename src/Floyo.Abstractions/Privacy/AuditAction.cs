namespace Floyo.Privacy;

/// <summary>
/// The closed set of privacy-relevant actions the audit log records. Stored by name (see
/// <see cref="AuditActions.StoredName"/>): never rename a member; add new ones at the end.
/// </summary>
[GenerateSerializer, Alias("floyo.AuditAction")]
public enum AuditAction
{
    /// <summary>The user consented to collection (detail: the policy version).</summary>
    ConsentGranted = 1,

    /// <summary>The user withdrew consent; collection stopped.</summary>
    ConsentWithdrawn = 2,

    /// <summary>The user paused tracking.</summary>
    TrackingPaused = 3,

    /// <summary>The user resumed tracking.</summary>
    TrackingResumed = 4,

    /// <summary>An API key was created or registered (detail: label and hint, never the key).</summary>
    ApiKeyCreated = 5,

    /// <summary>An API key was revoked (detail: label and hint).</summary>
    ApiKeyRevoked = 6,

    /// <summary>The user's data was exported (detail: the format).</summary>
    DataExported = 7,

    /// <summary>The retention period changed (detail: the new period).</summary>
    RetentionChanged = 8,

    /// <summary>Retention removed old events (detail: how many, and the cutoff).</summary>
    EventsPurged = 9,

    /// <summary>Account deletion started; the entry is erased with the account, only an anonymous deletion record stays.</summary>
    AccountDeletionRequested = 10,

    /// <summary>The account was created.</summary>
    SignedUp = 11,

    /// <summary>A successful sign-in.</summary>
    LoggedIn = 12,

    /// <summary>A failed sign-in attempt on this account.</summary>
    LoginFailed = 13,

    /// <summary>The user signed out.</summary>
    LoggedOut = 14,

    /// <summary>The user ended every session ("sign out everywhere").</summary>
    SignedOutEverywhere = 15,

    /// <summary>The password was changed by the signed-in user.</summary>
    PasswordChanged = 16,

    /// <summary>The password was reset through an emailed link.</summary>
    PasswordReset = 17,

    /// <summary>The email address was verified.</summary>
    EmailVerified = 18,

    /// <summary>The account was locked after repeated failed sign-ins.</summary>
    AccountLockedOut = 19,

    /// <summary>The email address was changed.</summary>
    EmailChanged = 20,
}

/// <summary>How <see cref="AuditAction"/> values are written in storage: stable snake_case names.</summary>
public static class AuditActions
{
    private static readonly Dictionary<AuditAction, string> Names = Enum.GetValues<AuditAction>()
        .ToDictionary(a => a, a => string.Concat(a.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString())));

    private static readonly Dictionary<string, AuditAction> ByName = Names.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>The stored name, e.g. <c>consent_granted</c>.</summary>
    public static string StoredName(this AuditAction action) =>
        Names.TryGetValue(action, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(action), action, "Not an audit action.");

    /// <summary>The action with that stored name; throws for an unknown one.</summary>
    public static AuditAction Parse(string storedName) =>
        ByName.TryGetValue(storedName, out var action) ? action : throw new FormatException($"Unknown audit action '{storedName}'.");
}
