namespace Floyo.Users;

/// <summary>Persisted owner of one API key hash.</summary>
[GenerateSerializer, Alias("floyo.ApiKeyDirectoryState")]
public sealed class ApiKeyDirectoryState
{
    [Id(0)] public Guid? UserId { get; set; }

    [Id(1)] public DateTimeOffset? LastUsedAt { get; set; }
}

public sealed class ApiKeyDirectoryGrain(
    [PersistentState("api-key", FloyoNames.GrainStorage)] IPersistentState<ApiKeyDirectoryState> state,
    TimeProvider clock)
    : Grain, IApiKeyDirectoryGrain
{
    private static readonly TimeSpan UseRecordingInterval = TimeSpan.FromMinutes(1);

    public async Task<Guid?> ResolveAsync()
    {
        var now = clock.GetUtcNow();
        if (state.State.UserId is not null && (state.State.LastUsedAt is not { } last || now - last >= UseRecordingInterval))
        {
            state.State.LastUsedAt = now;
            await state.WriteStateAsync();
        }

        return state.State.UserId;
    }

    public Task<DateTimeOffset?> GetLastUsedAsync() => Task.FromResult(state.State.LastUsedAt);

    public async Task<bool> ClaimAsync(Guid userId)
    {
        if (state.State.UserId is { } owner)
        {
            return owner == userId;
        }

        state.State.UserId = userId;
        await state.WriteStateAsync();
        return true;
    }

    public async Task ReleaseAsync(Guid userId)
    {
        if (state.State.UserId == userId)
        {
            await state.ClearStateAsync();
        }
    }
}
