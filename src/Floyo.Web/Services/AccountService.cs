using Floyo.Users;

namespace Floyo.Web.Services;

/// <summary>Facade over user and API-key grains for the web layer.</summary>
public sealed class AccountService(IGrainFactory grains)
{
    /// <summary>The owner of a well-formed key, or null when the key is unknown or revoked.</summary>
    public Task<Guid?> ResolveApiKeyAsync(string key) =>
        grains.GetGrain<IApiKeyDirectoryGrain>(ApiKeyFormat.Hash(key)).ResolveAsync();

    /// <summary>Finds the user owning <paramref name="key"/> or creates one and registers the key for it.</summary>
    public async Task<Guid> EnsureUserWithKeyAsync(string key, string displayName, string keyLabel)
    {
        if (await ResolveApiKeyAsync(key) is { } existing)
        {
            return existing;
        }

        var userId = Guid.NewGuid();
        var user = grains.GetGrain<IUserGrain>(userId);
        await user.EnsureCreatedAsync(displayName);
        await user.ImportApiKeyAsync(key, keyLabel);
        return userId;
    }

    /// <summary>The user's keys (metadata only), newest first, revoked ones included.</summary>
    public Task<IReadOnlyList<ApiKeyInfo>> ListApiKeysAsync(Guid userId) => grains.GetGrain<IUserGrain>(userId).ListApiKeysAsync();

    public Task<UserProfile?> GetProfileAsync(Guid userId) => grains.GetGrain<IUserGrain>(userId).GetProfileAsync();

    public Task<PrivacyStatus> GetPrivacyAsync(Guid userId) => grains.GetGrain<IUserGrain>(userId).GetPrivacyAsync();

    public Task<PrivacyStatus> GrantConsentAsync(Guid userId, string policyVersion) =>
        grains.GetGrain<IUserGrain>(userId).GrantConsentAsync(policyVersion);

    public Task<PrivacyStatus> WithdrawConsentAsync(Guid userId) => grains.GetGrain<IUserGrain>(userId).WithdrawConsentAsync();

    public Task<PrivacyStatus> SetTrackingPausedAsync(Guid userId, bool paused) =>
        grains.GetGrain<IUserGrain>(userId).SetTrackingPausedAsync(paused);

    public Task<UserSettings> GetSettingsAsync(Guid userId) => grains.GetGrain<IUserGrain>(userId).GetSettingsAsync();

    public Task<UserSettings> UpdateSettingsAsync(Guid userId, UserSettings settings) =>
        grains.GetGrain<IUserGrain>(userId).UpdateSettingsAsync(settings);

    public Task<bool> HasImportedAsync(Guid userId, string contentHash) => grains.GetGrain<IUserGrain>(userId).HasImportedAsync(contentHash);

    public Task RecordImportAsync(Guid userId, string contentHash) => grains.GetGrain<IUserGrain>(userId).RecordImportAsync(contentHash);

    /// <summary>Creates a key; its plaintext is in the answer only (the user grain records it in the audit log).</summary>
    public Task<CreatedApiKey> CreateApiKeyAsync(Guid userId, string label) => grains.GetGrain<IUserGrain>(userId).CreateApiKeyAsync(label);

    /// <summary>Revokes one of the user's keys; false when the user has no such key.</summary>
    public Task<bool> RevokeApiKeyAsync(Guid userId, Guid keyId) => grains.GetGrain<IUserGrain>(userId).RevokeApiKeyAsync(keyId);
}
