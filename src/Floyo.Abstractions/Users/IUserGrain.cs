using Floyo.Privacy;
using Orleans.Concurrency;

namespace Floyo.Users;

/// <summary>
/// A user account, keyed by user id: profile and API keys (stored as hashes). Sign-up, login and consent build on it.
/// </summary>
[Alias("floyo.IUserGrain")]
public interface IUserGrain : IUserDataGrain
{
    /// <summary>Creates the account if it does not exist yet; returns the profile either way.</summary>
    [Alias("ensure-created")]
    Task<UserProfile> EnsureCreatedAsync(string displayName);

    /// <summary>The profile, or null when the account does not exist.</summary>
    [Alias("profile")]
    Task<UserProfile?> GetProfileAsync();

    /// <summary>Changes the display name (1–100 characters, trimmed); throws <see cref="ArgumentException"/> otherwise.</summary>
    [Alias("rename")]
    Task<UserProfile> RenameAsync(string displayName);

    /// <summary>Consent and pause state. Interleaves: the activity grain reads it while this grain may be calling it.</summary>
    [AlwaysInterleave, Alias("privacy")]
    Task<PrivacyStatus> GetPrivacyAsync();

    /// <summary>Records consent to <paramref name="policyVersion"/>; collection starts at once (unless paused).</summary>
    [Alias("grant-consent")]
    Task<PrivacyStatus> GrantConsentAsync(string policyVersion);

    /// <summary>Withdraws consent; collection stops before this call returns.</summary>
    [Alias("withdraw-consent")]
    Task<PrivacyStatus> WithdrawConsentAsync();

    /// <summary>Pauses or resumes tracking; takes effect before this call returns.</summary>
    [Alias("set-paused")]
    Task<PrivacyStatus> SetTrackingPausedAsync(bool paused);

    /// <summary>The user's settings (defaults until changed).</summary>
    [Alias("settings")]
    Task<UserSettings> GetSettingsAsync();

    /// <summary>
    /// Changes the settings. Throws <see cref="ArgumentException"/> for an unknown time zone or a keystroke timeout
    /// outside <see cref="UserSettings.MinKeystrokeTimeout"/>..<see cref="UserSettings.MaxKeystrokeTimeout"/>.
    /// </summary>
    [Alias("update-settings")]
    Task<UserSettings> UpdateSettingsAsync(UserSettings settings);

    /// <summary>True when an import with this content hash (e.g. SHA-256 of a data dump) completed before.</summary>
    [Alias("has-imported")]
    Task<bool> HasImportedAsync(string contentHash);

    /// <summary>Records a completed import; the most recent 100 are remembered.</summary>
    [Alias("record-import")]
    Task RecordImportAsync(string contentHash);

    /// <summary>Creates a new random API key; the plaintext is returned once and never stored.</summary>
    [Alias("create-key")]
    Task<CreatedApiKey> CreateApiKeyAsync(string label);

    /// <summary>
    /// Registers a key chosen by the operator (e.g. the configured demo key). Idempotent for the same user; throws
    /// <see cref="InvalidOperationException"/> when the key belongs to someone else or is malformed.
    /// </summary>
    [Alias("import-key")]
    Task<ApiKeyInfo> ImportApiKeyAsync(string key, string label);

    /// <summary>The user's keys, newest first, including revoked ones, with when each active key was last used.</summary>
    [Alias("list-keys")]
    Task<IReadOnlyList<ApiKeyInfo>> ListApiKeysAsync();

    /// <summary>Revokes a key; it stops authenticating at once. Returns false when the key is unknown.</summary>
    [Alias("revoke-key")]
    Task<bool> RevokeApiKeyAsync(Guid keyId);
}
