using Floyo.Privacy;

namespace Floyo.Users;

public sealed class UserGrain(
    [PersistentState("user", FloyoNames.GrainStorage)] IPersistentState<UserState> state,
    IAuditLog auditLog,
    TimeProvider clock) : Grain, IUserGrain
{
    private Guid UserId => this.GetPrimaryKey();

    public async Task<UserProfile> EnsureCreatedAsync(string displayName)
    {
        if (!state.State.Exists)
        {
            state.State.Exists = true;
            state.State.DisplayName = displayName;
            state.State.CreatedAt = clock.GetUtcNow();
            await state.WriteStateAsync();
        }

        return Profile();
    }

    public Task<UserProfile?> GetProfileAsync() => Task.FromResult(state.State.Exists ? Profile() : null);

    public async Task<UserProfile> RenameAsync(string displayName)
    {
        var name = displayName.Trim();
        if (name.Length is 0 or > UserProfile.MaxDisplayNameLength)
        {
            throw new ArgumentException($"A display name has 1 to {UserProfile.MaxDisplayNameLength} characters.", nameof(displayName));
        }

        if (!state.State.Exists)
        {
            throw new InvalidOperationException("The user does not exist.");
        }

        state.State.DisplayName = name;
        await state.WriteStateAsync();
        return Profile();
    }

    public Task<UserSettings> GetSettingsAsync() => Task.FromResult(state.State.Settings ?? UserSettings.Default);

    public async Task<UserSettings> UpdateSettingsAsync(UserSettings settings)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(settings.TimeZone, out _))
        {
            throw new ArgumentException($"Unknown time zone '{settings.TimeZone}'.", nameof(settings));
        }

        if (settings.KeystrokeTimeout < UserSettings.MinKeystrokeTimeout || settings.KeystrokeTimeout > UserSettings.MaxKeystrokeTimeout)
        {
            throw new ArgumentException("The keystroke timeout must be between 1 minute and 4 hours.", nameof(settings));
        }

        state.State.Settings = settings;
        await state.WriteStateAsync();
        return settings;
    }

    public const int RememberedImports = 100;

    private PrivacyStatus Privacy => state.State.Privacy ?? PrivacyStatus.None;

    public Task<PrivacyStatus> GetPrivacyAsync() => Task.FromResult(Privacy);

    public Task<PrivacyStatus> GrantConsentAsync(string policyVersion) =>
        ChangePrivacyAsync(Privacy with { ConsentedAt = clock.GetUtcNow(), PolicyVersion = policyVersion }, AuditAction.ConsentGranted, policyVersion);

    public Task<PrivacyStatus> WithdrawConsentAsync() =>
        Privacy.Consented
            ? ChangePrivacyAsync(Privacy with { ConsentedAt = null, PolicyVersion = null }, AuditAction.ConsentWithdrawn, null)
            : UnchangedAsync();

    public Task<PrivacyStatus> SetTrackingPausedAsync(bool paused) =>
        paused == Privacy.Paused
            ? UnchangedAsync()
            : ChangePrivacyAsync(
                Privacy with { PausedAt = paused ? clock.GetUtcNow() : null },
                paused ? AuditAction.TrackingPaused : AuditAction.TrackingResumed,
                null);

    private Task<PrivacyStatus> UnchangedAsync() =>
        state.State.Exists ? Task.FromResult(Privacy) : throw new InvalidOperationException("The user does not exist.");

    /// <summary>
    /// Saves the change, then tells the sequencer, so collection obeys it before the caller hears back, and records it
    /// in the audit log.
    /// </summary>
    private async Task<PrivacyStatus> ChangePrivacyAsync(PrivacyStatus changed, AuditAction action, string? detail)
    {
        if (!state.State.Exists)
        {
            throw new InvalidOperationException("The user does not exist.");
        }

        state.State.Privacy = changed;
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<Activity.IUserActivityGrain>(UserId).ApplyPrivacyAsync(changed);
        await AuditAsync(action, detail);
        return changed;
    }

    private Task AuditAsync(AuditAction action, string? detail) =>
        auditLog.AppendAsync(UserId, clock.GetUtcNow(), action, detail, AuditOrigin.Current);

    public Task<bool> HasImportedAsync(string contentHash) => Task.FromResult(state.State.Imports.Contains(contentHash));

    public async Task RecordImportAsync(string contentHash)
    {
        if (state.State.Imports.Contains(contentHash))
        {
            return;
        }

        state.State.Imports.Add(contentHash);
        if (state.State.Imports.Count > RememberedImports)
        {
            state.State.Imports.RemoveAt(0);
        }

        await state.WriteStateAsync();
    }

    public async Task<CreatedApiKey> CreateApiKeyAsync(string label)
    {
        var key = ApiKeyFormat.NewKey();
        var info = await AddKeyAsync(key, label);
        return new CreatedApiKey(key, info);
    }

    public async Task<ApiKeyInfo> ImportApiKeyAsync(string key, string label)
    {
        if (!ApiKeyFormat.IsWellFormed(key))
        {
            throw new InvalidOperationException("The API key must be a lowercase UUID v4, optionally prefixed 'waka_'.");
        }

        var hash = ApiKeyFormat.Hash(key);
        var existing = state.State.ApiKeys.Find(k => k.Hash == hash && k.RevokedAt is null);
        return existing?.ToInfo() ?? await AddKeyAsync(key, label);
    }

    public async Task<IReadOnlyList<ApiKeyInfo>> ListApiKeysAsync()
    {
        var keys = state.State.ApiKeys.OrderByDescending(k => k.CreatedAt).ToList();
        var lastUses = await Task.WhenAll(keys.Select(k => k.RevokedAt is null ? Directory(k.Hash).GetLastUsedAsync() : Task.FromResult<DateTimeOffset?>(null)));
        return [.. keys.Select((k, i) => k.ToInfo() with { LastUsedAt = lastUses[i] })];
    }

    public async Task<bool> RevokeApiKeyAsync(Guid keyId)
    {
        var record = state.State.ApiKeys.Find(k => k.KeyId == keyId);
        if (record is null)
        {
            return false;
        }

        if (record.RevokedAt is null)
        {
            await Directory(record.Hash).ReleaseAsync(UserId);
            record.RevokedAt = clock.GetUtcNow();
            await state.WriteStateAsync();
            await AuditAsync(AuditAction.ApiKeyRevoked, KeyDetail(record));
        }

        return true;
    }

    /// <summary>
    /// Stores the key record first, then claims the directory entry: a failure in between leaves a listed key that
    /// does not authenticate (harmless), never a working key the user cannot see or revoke.
    /// </summary>
    private async Task<ApiKeyInfo> AddKeyAsync(string key, string label)
    {
        if (!state.State.Exists)
        {
            throw new InvalidOperationException("The user does not exist.");
        }

        var record = new ApiKeyRecord
        {
            KeyId = Guid.NewGuid(),
            Label = label,
            Hash = ApiKeyFormat.Hash(key),
            Hint = ApiKeyFormat.Hint(key),
            CreatedAt = clock.GetUtcNow(),
        };
        state.State.ApiKeys.Add(record);
        await state.WriteStateAsync();
        if (!await Directory(record.Hash).ClaimAsync(UserId))
        {
            state.State.ApiKeys.Remove(record);
            await state.WriteStateAsync();
            throw new InvalidOperationException("That API key belongs to another user.");
        }

        await AuditAsync(AuditAction.ApiKeyCreated, KeyDetail(record));
        return record.ToInfo();
    }

    private static string KeyDetail(ApiKeyRecord record) => $"{record.Label} ({record.Hint})";

    /// <summary>
    /// Account deletion: keys stop authenticating and collection stops first, then the state row goes. Whatever else
    /// this grain indexes the user under (the key directory here; e.g. an email index) must be released here too.
    /// </summary>
    public async Task EraseUserDataAsync()
    {
        foreach (var key in state.State.ApiKeys.Where(k => k.RevokedAt is null))
        {
            await Directory(key.Hash).ReleaseAsync(UserId);
        }

        await GrainFactory.GetGrain<Activity.IUserActivityGrain>(UserId).ApplyPrivacyAsync(PrivacyStatus.None);
        await state.ClearStateAsync();
        DeactivateOnIdle();
    }

    /// <summary>The account keeps no activity-derived data.</summary>
    public Task PurgeBeforeAsync(DateTimeOffset cutoff) => Task.CompletedTask;

    private IApiKeyDirectoryGrain Directory(string hash) => GrainFactory.GetGrain<IApiKeyDirectoryGrain>(hash);

    private UserProfile Profile() => new(UserId, state.State.DisplayName, state.State.CreatedAt);
}
